package render

import "testing"

func TestTrimCSS(t *testing.T) {
	cases := []struct{ in, want string }{
		{"/* a */\n.a {\n  color: red; /* why */\n}\n\n\n.b { }\n", ".a {\ncolor: red;\n}\n.b { }"},
		{`.a::before { content: "/* not a comment */"; }`, `.a::before { content: "/* not a comment */"; }`},
		{`.a::before { content: '\'/*'; } /* x */`, `.a::before { content: '\'/*'; }`},
		{".a {\n  background:\n    url(\"data:image/svg+xml,%3Csvg/%3E\") center,\n    red;\n}", ".a {\nbackground:\nurl(\"data:image/svg+xml,%3Csvg/%3E\") center,\nred;\n}"},
		{".a { color: red; } /* unclosed", ".a { color: red; }"},
		{"body{color:red}", "body{color:red}"},
	}
	for _, c := range cases {
		if got := trimCSS(c.in); got != c.want {
			t.Errorf("trimCSS(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
