package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
)

// A dense audit writes hundreds of thousands of findings; encoding each by
// reflection and then re-indenting it took a large share of the report's
// CPU. writeFindings writes them directly, byte for byte what
// indented(&delivery, "    ") gives for the list (TestJSONStreamsAsOneEncoding
// and TestFindingsWriterMatchesEncoder compare).

// writeFindings writes fs as the value of a delivery's "findings" key: the
// list's items at eight spaces, their fields at ten.
func writeFindings(bw *bufio.Writer, fs []Finding) error {
	if len(fs) == 0 {
		bw.WriteString("[]")
		return nil
	}
	bw.WriteString("[\n")
	for i := range fs {
		f := &fs[i]
		bw.WriteString("        {\n")
		field(bw, "rule", f.Rule)
		sev, err := f.Severity.MarshalText()
		if err != nil {
			return err
		}
		field(bw, "severity", string(sev))
		field(bw, "file", f.File)
		if f.Line != 0 {
			intField(bw, "line", f.Line)
		}
		if f.Cue != 0 {
			intField(bw, "cue", f.Cue)
		}
		if f.Start != "" {
			field(bw, "start", f.Start)
		}
		field(bw, "message", f.Message)
		if f.Waived == nil && f.More == 0 {
			lastField(bw, "fingerprint", f.Fingerprint)
		} else {
			field(bw, "fingerprint", f.Fingerprint)
		}
		if w := f.Waived; w != nil {
			bw.WriteString("          \"waived\": {\n")
			str(bw, "            \"reason\": ", w.Reason, ",\n")
			if w.Expires != "" {
				str(bw, "            \"expires\": ", w.Expires, ",\n")
			}
			if w.By != "" {
				str(bw, "            \"by\": ", w.By, ",\n")
			}
			str(bw, "            \"source\": ", w.Source, "\n")
			if f.More == 0 {
				bw.WriteString("          }\n")
			} else {
				bw.WriteString("          },\n")
			}
		}
		if f.More != 0 {
			bw.WriteString("          \"more\": ")
			bw.WriteString(strconv.Itoa(f.More))
			bw.WriteByte('\n')
		}
		if i < len(fs)-1 {
			bw.WriteString("        },\n")
		} else {
			bw.WriteString("        }\n")
		}
	}
	bw.WriteString("      ]")
	return nil
}

func field(bw *bufio.Writer, key, v string) {
	str(bw, "          \""+key+"\": ", v, ",\n")
}

func lastField(bw *bufio.Writer, key, v string) {
	str(bw, "          \""+key+"\": ", v, "\n")
}

func intField(bw *bufio.Writer, key string, v int) {
	bw.WriteString("          \"" + key + "\": ")
	bw.WriteString(strconv.Itoa(v))
	bw.WriteString(",\n")
}

// str writes before, s as a JSON string the audit's encoder would write it
// ('<', '>' and '&' kept as is), and after.
func str(bw *bufio.Writer, before, s, after string) {
	bw.WriteString(before)
	if plain(s) {
		bw.WriteByte('"')
		bw.WriteString(s)
		bw.WriteByte('"')
	} else {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s) // a string always encodes
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	bw.WriteString(after)
}

// plain reports whether s needs no escaping in JSON: printable ASCII other
// than '"' and '\\'.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
