package langcheck

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/exportqc/exportqc/qc/lang"
)

// Source keys of Conflict, in the order messages list them.
const (
	SourceFileName = "filename" // the language in the file's name
	SourceManifest = "manifest" // the delivery manifest's entry for the file
	SourceFile     = "file"     // inside the file: TTML xml:lang, EBU STL LC
)

var sourceLabels = map[string]string{
	SourceFileName: "file name",
	SourceManifest: "manifest",
	SourceFile:     "file content",
}

// Conflict reports (G004) when the languages declared for one file
// disagree. sources maps where a declaration came from (SourceFileName,
// SourceManifest, SourceFile, or any other label) to the tag as written.
// Empty, "und" and invalid tags are ignored: G001 reports the invalid ones.
//
// Two tags agree when they are the same language and nothing they state
// explicitly contradicts the other:
//
//   - one is a prefix of the other: fr and fr-FR, zh and zh-Hant, sr and
//     sr-Latn (the shorter one is just less specific);
//   - an explicit script must equal the other's script, explicit or likely
//     (CLDR likely subtags): zh-TW and zh-Hant agree (zh-TW is written
//     Hant), zh-CN and zh-Hant do not;
//   - two explicit regions must be equal or one a CLDR parent of the other:
//     es-419 and es-MX agree, fr-CA and fr-FR do not, es-MX and es-AR do
//     not (siblings under es-419);
//   - languages compare after macrolanguage folding (cmn is zh, arb is ar)
//     and "no" covers both nb and nn; yue is not zh.
func Conflict(sources map[string]string) *Problem {
	type decl struct {
		key, raw string
		tag      language.Tag
	}
	var decls []decl
	for key, raw := range sources {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		t, err := lang.Parse(raw)
		if err != nil || t == language.Und || strings.EqualFold(strings.SplitN(raw, "-", 2)[0], "und") {
			continue
		}
		decls = append(decls, decl{key, raw, t})
	}
	sort.Slice(decls, func(i, j int) bool { return sourceOrder(decls[i].key, decls[j].key) })
	for i := range decls {
		for j := i + 1; j < len(decls); j++ {
			why := disagreement(decls[i].tag, decls[j].tag)
			if why == "" {
				continue
			}
			var list []string
			for _, d := range decls {
				list = append(list, fmt.Sprintf("%s %q", sourceLabel(d.key), d.raw))
			}
			return &Problem{Rule: "G004", Severity: SeverityError, Message: fmt.Sprintf(
				"declared languages disagree: %s; %s and %s %s", strings.Join(list, ", "), decls[i].tag, decls[j].tag, why)}
		}
	}
	return nil
}

func sourceLabel(key string) string {
	if l, ok := sourceLabels[key]; ok {
		return l
	}
	return key
}

func sourceOrder(a, b string) bool {
	rank := func(k string) int {
		switch k {
		case SourceFileName:
			return 0
		case SourceManifest:
			return 1
		case SourceFile:
			return 2
		}
		return 3
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra < rb
	}
	return a < b
}

// Agree reports whether two tags can describe the same subtitles (see
// Conflict for the rules). Tags that do not parse never agree.
func Agree(a, b string) bool {
	ta, err1 := lang.Parse(a)
	tb, err2 := lang.Parse(b)
	return err1 == nil && err2 == nil && disagreement(ta, tb) == ""
}

// disagreement says why a and b cannot describe the same text, or "".
func disagreement(a, b language.Tag) string {
	if a == b || isPrefix(a, b) || isPrefix(b, a) {
		return ""
	}
	la, lb := foldedBase(a), foldedBase(b)
	if la != lb && !(la == "no" && (lb == "nb" || lb == "nn")) && !(lb == "no" && (la == "nb" || la == "nn")) {
		return fmt.Sprintf("are different languages (%s, %s)", languageName(la), languageName(lb))
	}
	sa, ca := a.Script()
	sb, cb := b.Script()
	if (ca == language.Exact || cb == language.Exact) && sa != sb {
		return fmt.Sprintf("name different scripts (%s, %s)", scriptLabel(sa, ca), scriptLabel(sb, cb))
	}
	ra, rca := a.Region()
	rb, rcb := b.Region()
	if rca == language.Exact && rcb == language.Exact && ra != rb && !regionAncestor(a, rb) && !regionAncestor(b, ra) {
		return fmt.Sprintf("name different regions (%s, %s)", regionName(ra), regionName(rb))
	}
	return ""
}

func scriptLabel(s language.Script, c language.Confidence) string {
	name := scriptName(s)
	if c == language.Exact {
		return name
	}
	return name + " by default"
}

// isPrefix reports whether p's subtags are a leading run of t's subtags
// ("fr" of "fr-FR", "zh-Hant" of "zh-Hant-TW").
func isPrefix(p, t language.Tag) bool {
	ps, ts := p.String(), t.String()
	return strings.HasPrefix(ts, ps) && len(ts) > len(ps) && ts[len(ps)] == '-'
}

// foldedBase is the primary language after macrolanguage folding.
func foldedBase(t language.Tag) string {
	b, _ := t.Base()
	s := b.String()
	switch s {
	case "nb", "nn", "no":
		return s // Macro folds nb into no; the caller treats no as covering both
	}
	if m, err := language.Macro.Canonicalize(t); err == nil {
		mb, _ := m.Base()
		return mb.String()
	}
	return s
}

// regionAncestor reports whether r is the region of one of t's CLDR
// parents (es-MX → es-419; en-GB → en-001).
func regionAncestor(t language.Tag, r language.Region) bool {
	for p := t.Parent(); p != language.Und; p = p.Parent() {
		if pr, c := p.Region(); c == language.Exact && pr == r {
			return true
		}
	}
	return false
}
