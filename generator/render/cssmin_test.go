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
		// A comment between two tokens separates them.
		{".a{margin:1px/**/2px}", ".a{margin:1px 2px}"},
		{".a{margin:1px/* x *//* y */2px}", ".a{margin:1px 2px}"},
		{".a/**/.b{color:red}", ".a .b{color:red}"},
		// No space where one is there already or a delimiter separates.
		{".a{margin:/**/1px /**/ 2px;/**/}", ".a{margin:1px  2px;}"},
		{".a/**/>/**/.b,/**/.c/**/{x:y}", ".a>.b,.c{x:y}"},
		{"/**/.a{}/**/", ".a{}"},
		// Strings and unquoted URLs are one token: /* inside is no comment.
		{`.a{content:"/*"}/*x*/.b{content:'*/'}`, `.a{content:"/*"}.b{content:'*/'}`},
		{".a{background:url(//cdn.example/*/x.png)}", ".a{background:url(//cdn.example/*/x.png)}"},
		{".a{background:URL( //x/*y.png )}", ".a{background:URL( //x/*y.png )}"},
		{".a{background:url(data:image/svg+xml;utf8,%3Csvg/*%3E)/**/red}", ".a{background:url(data:image/svg+xml;utf8,%3Csvg/*%3E) red}"},
		{".a{background:url('//x/*y')}", ".a{background:url('//x/*y')}"},
		{".a{b:--xurl(1/*c*/)}", ".a{b:--xurl(1 )}"},
		{"@media (min-width: 40em) { /* wide */\n  .a { color: red }\n}", "@media (min-width: 40em) {\n.a { color: red }\n}"},
	}
	for _, c := range cases {
		if got := trimCSS(c.in); got != c.want {
			t.Errorf("trimCSS(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
