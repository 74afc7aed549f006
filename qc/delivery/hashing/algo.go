// Package hashing computes the checksums delivery manifests declare:
// each file is read once, every requested algorithm fed from the same
// buffer, with a bounded number of files open at a time and a per-run
// cache so a file named by several manifests is hashed once.
package hashing

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// Algorithm names as they appear in Delivery.File.Hashes.
const (
	MD5    = "md5"
	SHA1   = "sha1"
	SHA256 = "sha256"
	SHA512 = "sha512"
	XXH64  = "xxh64"
)

// Supported lists the algorithms this package computes, in the order
// reports show them.
var Supported = []string{MD5, SHA1, SHA256, SHA512, XXH64}

// hexLen is the length of each algorithm's digest in hex digits.
var hexLen = map[string]int{MD5: 32, SHA1: 40, SHA256: 64, SHA512: 128, XXH64: 16}

// Known reports whether algo is one we can compute.
func Known(algo string) bool { _, ok := hexLen[algo]; return ok }

// Normalize maps the spellings manifests use ("MD5", "SHA-256",
// "sha_1", XML-DSig URIs) to our names; ok is false for anything else.
func Normalize(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if i := strings.LastIndexByte(n, '#'); i >= 0 { // http://www.w3.org/2000/09/xmldsig#sha1, xmlenc#sha256
		n = n[i+1:]
	}
	n = strings.NewReplacer("-", "", "_", "").Replace(n)
	switch n {
	case "md5":
		return MD5, true
	case "sha1":
		return SHA1, true
	case "sha256":
		return SHA256, true
	case "sha512":
		return SHA512, true
	case "xxh64", "xxhash64":
		return XXH64, true
	}
	return "", false
}

// ValidHex reports whether v (already lower-cased) is a well-formed digest
// for algo: the right length and hex digits only. A manifest with a
// 38-character "MD5" cannot be compared, so readers report it.
func ValidHex(algo, v string) bool {
	n, ok := hexLen[algo]
	if !ok || len(v) != n {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func newHash(algo string) hash.Hash {
	switch algo {
	case MD5:
		return md5.New()
	case SHA1:
		return sha1.New()
	case SHA256:
		return sha256.New()
	case SHA512:
		return sha512.New()
	case XXH64:
		return xxhash.New()
	}
	return nil
}
