package delivery

// The native manifest schema, version 1, as the decoder enforces it. The
// published JSON Schema (rules/schema/manifest.v1.schema.json) says the
// same thing; schema_test.go checks the two agree.

// ManifestVersion is the only manifest_version this build reads.
const ManifestVersion = 1

// NativeNames are the file names Find looks for at a delivery root, in
// order of preference.
var NativeNames = []string{"manifest.yaml", "manifest.yml", "manifest.json", "exportqc.yaml"}

var (
	topKeys         = []string{"manifest_version", "title", "season", "episode_count", "territories", "programme", "episodes", "files"}
	topRequired     = []string{"manifest_version"}
	programmeKeys   = []string{"frame_rate"}
	episodeKeys     = []string{"number", "title", "duration", "frame_rate", "files", "shot_changes", "video"}
	episodeRequired = []string{"number"}
	fileKeys        = []string{"path", "kind", "language", "format", "size", "md5", "sha1", "sha256", "sha512", "xxh64", "hashes"}
	fileRequired    = []string{"path", "kind"}
	// fileHashKeys are the fileKeys that hold a digest.
	fileHashKeys = []string{"md5", "sha1", "sha256", "sha512", "xxh64"}
)

// foreignHashNames are checksum algorithms people write in manifests that
// exportqc cannot compute. Such a key is D010 unknown-hash-algorithm, not
// a schema error: the manifest is fine, our verifier is the limit.
var foreignHashNames = map[string]bool{
	"crc32": true, "crc32c": true, "crc64": true, "adler32": true, "cksum": true,
	"md4": true, "sha224": true, "sha384": true, "sha3": true, "sha3_256": true, "sha3-256": true,
	"sha3_512": true, "sha3-512": true, "blake2b": true, "blake2s": true, "blake3": true,
	"xxh32": true, "xxh3": true, "xxh128": true, "c4": true, "ripemd160": true, "tiger": true,
	"murmur3": true, "crc": true,
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
