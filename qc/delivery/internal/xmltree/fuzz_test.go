package xmltree

import "testing"

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8"?><a xmlns="u"><b x="1">t</b><c/></a>`,
		"<a>\n<b>\n</a>", `<?xml version="1.0" encoding="ISO-8859-1"?><a>caf` + "\xe9" + `</a>`,
		"<a><!-- c --><![CDATA[x]]></a>", "", "<a/><b/>", `<?xml version="1.0" encoding="x-unknown"?><a/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := Parse(src)
		if err == nil && n == nil {
			t.Fatal("no error and no root")
		}
		if e, ok := err.(*Error); err != nil && (!ok || e.Line < 0) {
			t.Fatalf("error %v is not a positioned *Error", err)
		}
		depth := 0
		var walk func(*Node, int)
		walk = func(m *Node, d int) {
			if d > depth {
				depth = d
			}
			if m.Line < 1 {
				t.Fatalf("element <%s> at line %d", m.Local, m.Line)
			}
			for _, k := range m.Kids {
				walk(k, d+1)
			}
		}
		if n != nil {
			walk(n, 1)
		}
		if depth > MaxDepth {
			t.Fatalf("depth %d", depth)
		}
	})
}
