package convert

import (
	"fmt"
	"strings"
	"testing"
)

// testLink maps every target but "keep/…" under "new/", as an import that
// moved the pages would.
func testLink(t string) (string, bool) {
	if strings.HasPrefix(t, "keep/") {
		return "", false
	}
	return "new/" + strings.TrimPrefix(t, "/"), true
}

type tcase struct {
	name string
	from Source
	in   string
	want string
	// warned is how many constructs were left as visible warnings.
	warned int
}

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, notes := Body([]byte(tc.in), Options{From: tc.from, Link: testLink})
			if string(got) != tc.want {
				t.Errorf("Body(%q)\n got:\n%s\nwant:\n%s", tc.in, got, tc.want)
			}
			warned := 0
			for _, n := range notes {
				if n.Line < 1 || n.Line > strings.Count(tc.in, "\n")+1 {
					t.Errorf("note %+v is outside the input's lines", n)
				}
				if !n.Converted {
					warned++
				}
			}
			if warned != tc.warned {
				t.Errorf("%d warnings left, want %d: %+v", warned, tc.warned, notes)
			}
		})
	}
}

// TestMkDocsAdmonitions maps every Material admonition type:
//
//	note → NOTE; abstract, summary, tldr → NOTE "Abstract"…; info → NOTE;
//	todo → NOTE "Todo"; tip, hint → TIP; important → IMPORTANT;
//	success, check, done → TIP "Success"…; question, help, faq → NOTE
//	"Question"…; warning, caution, attention → WARNING; failure, fail,
//	missing → CAUTION "Failure"…; danger, error → CAUTION; bug → CAUTION
//	"Bug"; example → NOTE "Example"; quote, cite → NOTE "Quote"….
func TestMkDocsAdmonitions(t *testing.T) {
	types := []struct{ typ, kind, title string }{
		{"note", "NOTE", ""}, {"abstract", "NOTE", "Abstract"}, {"summary", "NOTE", "Summary"}, {"tldr", "NOTE", "Tldr"},
		{"info", "NOTE", ""}, {"todo", "NOTE", "Todo"}, {"tip", "TIP", ""}, {"hint", "TIP", ""}, {"important", "IMPORTANT", ""},
		{"success", "TIP", "Success"}, {"check", "TIP", "Check"}, {"done", "TIP", "Done"},
		{"question", "NOTE", "Question"}, {"help", "NOTE", "Help"}, {"faq", "NOTE", "Faq"},
		{"warning", "WARNING", ""}, {"caution", "WARNING", ""}, {"attention", "WARNING", ""},
		{"failure", "CAUTION", "Failure"}, {"fail", "CAUTION", "Fail"}, {"missing", "CAUTION", "Missing"},
		{"danger", "CAUTION", ""}, {"error", "CAUTION", ""}, {"bug", "CAUTION", "Bug"},
		{"example", "NOTE", "Example"}, {"quote", "NOTE", "Quote"}, {"cite", "NOTE", "Cite"},
		{"custom", "NOTE", "Custom"},
	}
	var cases []tcase
	for _, ty := range types {
		want := "> [!" + ty.kind + "]\n>\n"
		if ty.title != "" {
			want += "> **" + ty.title + "**\n>\n"
		}
		cases = append(cases, tcase{name: ty.typ, from: MkDocs, in: "!!! " + ty.typ + "\n\n    Body.\n", want: want + "> Body.\n"})
	}
	runCases(t, cases)
}

func TestMkDocs(t *testing.T) {
	runCases(t, []tcase{
		{name: "title", from: MkDocs,
			in:   "Text.\n\n!!! warning \"Check the numbers\"\n\n    First.\n\n    Second.\n\nAfter.\n",
			want: "Text.\n\n> [!WARNING]\n>\n> **Check the numbers**\n>\n> First.\n>\n> Second.\n\nAfter.\n"},
		{name: "empty title", from: MkDocs,
			in:   "!!! note \"\"\n    Body.\n",
			want: "> [!NOTE]\n>\n> Body.\n"},
		{name: "collapsible", from: MkDocs,
			in:   "??? tip \"Why\"\n    Body.\n",
			want: "> [!TIP]\n>\n> **Why**\n>\n> Body.\n"},
		{name: "collapsible open", from: MkDocs,
			in:   "???+ tip\n    Body.\n",
			want: "> [!TIP]\n>\n> Body.\n"},
		{name: "inline classes", from: MkDocs,
			in:   "!!! info inline end \"Side\"\n    Body.\n",
			want: "> [!NOTE]\n>\n> **Side**\n>\n> Body.\n"},
		{name: "nested list and code", from: MkDocs,
			in:   "!!! note\n    - one\n        - two\n\n    ```go\n    x := 1\n\n    y := 2\n    ```\n",
			want: "> [!NOTE]\n>\n> - one\n>     - two\n>\n> ```go\n> x := 1\n>\n> y := 2\n> ```\n"},
		{name: "nested admonition", from: MkDocs,
			in:   "!!! note\n    Outer.\n\n    !!! danger\n        Inner.\n",
			want: "> [!NOTE]\n>\n> Outer.\n>\n> > [!CAUTION]\n> >\n> > Inner.\n"},
		{name: "in a list", from: MkDocs,
			in:   "- item\n\n    !!! tip\n        Body.\n",
			want: "- item\n\n    > [!TIP]\n    >\n    > Body.\n"},
		{name: "empty body", from: MkDocs,
			in:   "!!! note\n\nText.\n",
			want: "> [!NOTE]\n>\n> **Note**\n\nText.\n"},
		{name: "tabs", from: MkDocs,
			in:   "=== \"Email\"\n\n    Write.\n\n=== \"Phone\"\n\n    Call.\n\nAfter.\n",
			want: "**Email**\n\nWrite.\n\n**Phone**\n\nCall.\n\nAfter.\n"},
		{name: "tab with admonition", from: MkDocs,
			in:   "=== \"A\"\n    !!! note\n        X.\n",
			want: "**A**\n\n> [!NOTE]\n>\n> X.\n"},
		{name: "snippet", from: MkDocs, warned: 1,
			in:   "--8<-- \"includes/abbr.md\"\n",
			want: "> [!WARNING]\n>\n> Not converted from MkDocs: `--8<-- \"includes/abbr.md\"` — it includes another file: paste that file's content here.\n"},
		{name: "snippet block", from: MkDocs, warned: 1,
			in:   "--8<--\na.md\nb.md\n--8<--\n",
			want: "> [!WARNING]\n>\n> Not converted from MkDocs: `--8<-- a.md, b.md` — it includes other files: paste their content here.\n"},
		{name: "in fenced code", from: MkDocs,
			in:   "```\n!!! note\n    Body.\n```\n",
			want: "```\n!!! note\n    Body.\n```\n"},
		{name: "unclosed fence inside", from: MkDocs,
			in:   "!!! note\n    ```\n    code\n",
			want: "> [!NOTE]\n>\n> ```\n> code\n"},
	})
}

// TestDocusaurusAdmonitions maps every Docusaurus type: note → NOTE,
// tip → TIP, info → NOTE, caution → WARNING, warning → WARNING,
// danger → CAUTION, important → IMPORTANT.
func TestDocusaurusAdmonitions(t *testing.T) {
	var cases []tcase
	for typ, kind := range map[string]string{"note": "NOTE", "tip": "TIP", "info": "NOTE", "caution": "WARNING", "warning": "WARNING", "danger": "CAUTION", "important": "IMPORTANT"} {
		cases = append(cases, tcase{name: typ, from: Docusaurus, in: ":::" + typ + "\n\nBody.\n\n:::\n", want: "> [!" + kind + "]\n>\n> Body.\n"})
	}
	runCases(t, cases)
}

func TestDocusaurus(t *testing.T) {
	runCases(t, []tcase{
		{name: "title after space", from: Docusaurus,
			in:   ":::tip Keep it short\n\nBody.\n\n:::\n",
			want: "> [!TIP]\n>\n> **Keep it short**\n>\n> Body.\n"},
		{name: "title in brackets", from: Docusaurus,
			in:   ":::tip[Keep it short]\nBody.\n:::\n",
			want: "> [!TIP]\n>\n> **Keep it short**\n>\n> Body.\n"},
		{name: "nested fences", from: Docusaurus,
			in:   "::::info Outer\n\nA.\n\n:::danger\n\nB.\n\n:::\n\nC.\n\n::::\n\nAfter.\n",
			want: "> [!NOTE]\n>\n> **Outer**\n>\n> A.\n>\n> > [!CAUTION]\n> >\n> > B.\n>\n> C.\n\nAfter.\n"},
		// A line after a converted block is set apart by a blank line, or
		// it would run on into the block (a blockquote's lazy continuation).
		{name: "text right after the block", from: Docusaurus,
			in:   ":::note\nb\n:::\nafter\n",
			want: "> [!NOTE]\n>\n> b\n\nafter\n"},
		{name: "same-length nesting", from: Docusaurus,
			in:   ":::note\nA.\n:::tip\nB.\n:::\nC.\n:::\n",
			want: "> [!NOTE]\n>\n> A.\n> > [!TIP]\n> >\n> > B.\n>\n> C.\n"},
		{name: "code with colons inside", from: Docusaurus,
			in:   ":::note\n```\n:::\n```\n:::\n",
			want: "> [!NOTE]\n>\n> ```\n> :::\n> ```\n"},
		{name: "unclosed", from: Docusaurus,
			in:   ":::warning\nBody.\n",
			want: "> [!WARNING]\n>\n> Body.\n"},
		{name: "in a list", from: Docusaurus,
			in:   "1. Step\n\n   :::tip\n   Body.\n   :::\n",
			want: "1. Step\n\n   > [!TIP]\n   >\n   > Body.\n"},
		{name: "imports and exports", from: Docusaurus,
			in:   "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\nexport const x = {\n  a: 1,\n};\n\n# Title\n",
			want: "# Title\n"},
		{name: "multi-line import", from: Docusaurus,
			in:   "import {\n  A,\n  B,\n} from './x';\n\nText.\n",
			want: "Text.\n"},
		{name: "prose starting with import", from: Docusaurus,
			in:   "import the file first.\n",
			want: "import the file first.\n"},
		{name: "tabs", from: Docusaurus,
			in:   "<Tabs>\n  <TabItem value=\"email\" label=\"Email\" default>\n\nWrite.\n\n  </TabItem>\n  <TabItem value=\"phone\">\n\n    Call.\n\n  </TabItem>\n</Tabs>\n\nAfter.\n",
			want: "**Email**\n\nWrite.\n\n**phone**\n\nCall.\n\nAfter.\n"},
		{name: "jsx comments", from: Docusaurus,
			in:   "Text {/* hidden */} here.\n{/* a\nlong one */}\nEnd.\n",
			want: "Text  here.\nEnd.\n"},
		{name: "other component", from: Docusaurus, warned: 1,
			in:   "<DocCardList />\n",
			want: "> [!WARNING]\n>\n> Not converted from Docusaurus: `<DocCardList />` — replace it by hand.\n"},
		{name: "component with content", from: Docusaurus, warned: 1,
			in:   "<Highlight color=\"red\">\n\nKept.\n\n</Highlight>\n",
			want: "> [!WARNING]\n>\n> Not converted from Docusaurus: `<Highlight color=\"red\">` — replace it by hand; its content is kept below.\n\nKept.\n"},
		{name: "inline component", from: Docusaurus, warned: 1,
			in:   "Say <Highlight color=\"red\">this</Highlight> now.\n",
			want: "Say **Not converted from Docusaurus:** `<Highlight color=\"red\">`this now.\n"},
		{name: "html untouched", from: Docusaurus,
			in:   "<details>\n<summary>More</summary>\n\nText.\n\n</details>\n",
			want: "<details>\n<summary>More</summary>\n\nText.\n\n</details>\n"},
	})
}

// TestGitBookHints maps GitBook's styles: info → NOTE, success → TIP,
// warning → WARNING, danger → CAUTION.
func TestGitBookHints(t *testing.T) {
	var cases []tcase
	for typ, kind := range map[string]string{"info": "NOTE", "success": "TIP", "warning": "WARNING", "danger": "CAUTION"} {
		cases = append(cases, tcase{name: typ, from: GitBook, in: "{% hint style=\"" + typ + "\" %}\nBody.\n{% endhint %}\n", want: "> [!" + kind + "]\n>\n> Body.\n"})
	}
	runCases(t, cases)
}

func TestGitBook(t *testing.T) {
	runCases(t, []tcase{
		{name: "hint with code", from: GitBook,
			in:   "{% hint style=\"danger\" %}\n```go\n// {% endhint %}\n```\n{% endhint %}\n",
			want: "> [!CAUTION]\n>\n> ```go\n> // {% endhint %}\n> ```\n"},
		{name: "tabs", from: GitBook,
			in:   "{% tabs %}\n{% tab title=\"Email\" %}\nWrite.\n{% endtab %}\n\n{% tab title=\"Phone\" %}\nCall.\n{% endtab %}\n{% endtabs %}\n",
			want: "**Email**\n\nWrite.\n\n**Phone**\n\nCall.\n"},
		{name: "content-ref", from: GitBook,
			in:   "{% content-ref url=\"../sales/pricing.md\" %}\n[pricing.md](../sales/pricing.md)\n{% endcontent-ref %}\n",
			want: "[pricing.md](new/../sales/pricing.md)\n"},
		{name: "content-ref kept", from: GitBook,
			in:   "{% content-ref url=\"keep/x.md\" %}\n[X](keep/x.md)\n{% endcontent-ref %}\n",
			want: "[X](keep/x.md)\n"},
		{name: "embed", from: GitBook,
			in:   "{% embed url=\"https://www.youtube.com/watch?v=abc\" %}\nRecording\n{% endembed %}\n",
			want: "[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\nRecording\n"},
		{name: "embed with caption", from: GitBook,
			in:   "{% embed url=\"https://community.example.com\" caption=\"Our server\" %}\n",
			want: "[https://community.example.com](https://community.example.com)\n\nOur server\n"},
		{name: "code title", from: GitBook,
			in:   "{% code title=\"main.go\" %}\n```go\nx\n```\n{% endcode %}\n",
			want: "**main.go**\n\n```go\nx\n```\n"},
		{name: "file", from: GitBook,
			in:   "{% file src=\"../.gitbook/assets/price list.pdf\" %}\nPrice list\n{% endfile %}\n",
			want: "[Price list](<new/../.gitbook/assets/price list.pdf>)\n"},
		{name: "unknown block", from: GitBook, warned: 1,
			in:   "{% swagger method=\"get\" %}\nText.\n{% endswagger %}\n",
			want: "> [!WARNING]\n>\n> Not converted from GitBook: `{% swagger method=\"get\" %}` — replace it by hand.\n\nText.\n"},
		{name: "unknown inline", from: GitBook, warned: 1,
			in:   "See {% foo %} here.\n",
			want: "See **Not converted from GitBook:** `{% foo %}` here.\n"},
		{name: "inline code kept", from: GitBook,
			in:   "Write `{% hint %}` to add a hint.\n",
			want: "Write `{% hint %}` to add a hint.\n"},
	})
}

// TestHugoAlerts maps the callout shortcodes of hugo-book (hint), relearn
// (notice), docsy (alert, pageinfo) and hextra (callout).
func TestHugoAlerts(t *testing.T) {
	runCases(t, []tcase{
		{name: "hint info", from: Hugo, in: "{{< hint info >}}\nBody.\n{{< /hint >}}\n", want: "> [!NOTE]\n>\n> Body.\n"},
		{name: "hint warning", from: Hugo, in: "{{< hint warning >}}\nBody.\n{{< /hint >}}\n", want: "> [!WARNING]\n>\n> Body.\n"},
		{name: "hint danger", from: Hugo, in: "{{< hint danger >}}\nBody.\n{{< /hint >}}\n", want: "> [!CAUTION]\n>\n> Body.\n"},
		{name: "hint plain", from: Hugo, in: "{{< hint >}}\nBody.\n{{< /hint >}}\n", want: "> [!NOTE]\n>\n> Body.\n"},
		{name: "notice", from: Hugo, in: "{{% notice tip %}}\nBody.\n{{% /notice %}}\n", want: "> [!TIP]\n>\n> Body.\n"},
		{name: "notice title", from: Hugo, in: "{{% notice note \"Read me\" %}}\nBody.\n{{% /notice %}}\n", want: "> [!NOTE]\n>\n> **Read me**\n>\n> Body.\n"},
		{name: "notice style", from: Hugo, in: "{{% notice style=\"important\" title=\"T\" %}}\nBody.\n{{% /notice %}}\n", want: "> [!IMPORTANT]\n>\n> **T**\n>\n> Body.\n"},
		{name: "alert docsy", from: Hugo, in: "{{% alert title=\"Careful\" color=\"warning\" %}}\nBody.\n{{% /alert %}}\n", want: "> [!WARNING]\n>\n> **Careful**\n>\n> Body.\n"},
		{name: "callout hextra", from: Hugo, in: "{{< callout type=\"error\" >}}\nBody.\n{{< /callout >}}\n", want: "> [!CAUTION]\n>\n> Body.\n"},
		{name: "pageinfo", from: Hugo, in: "{{% pageinfo %}}\nBody.\n{{% /pageinfo %}}\n", want: "> [!NOTE]\n>\n> Body.\n"},
		{name: "nested", from: Hugo, in: "{{< hint info >}}\nA.\n{{< hint warning >}}\nB.\n{{< /hint >}}\n{{< /hint >}}\n", want: "> [!NOTE]\n>\n> A.\n> > [!WARNING]\n> >\n> > B.\n"},
		{name: "unclosed", from: Hugo, in: "{{< hint info >}}\nBody.\n", want: "> [!NOTE]\n>\n> Body.\n"},
	})
}

func TestHugo(t *testing.T) {
	runCases(t, []tcase{
		{name: "ref in link", from: Hugo,
			in:   "See [pricing]({{< ref \"sales/pricing.md\" >}}).\n",
			want: "See [pricing](new/sales/pricing.md).\n"},
		{name: "relref with anchor, unquoted", from: Hugo,
			in:   "See [tiers]({{< relref sales/pricing.md#tiers >}}).\n",
			want: "See [tiers](new/sales/pricing.md#tiers).\n"},
		{name: "ref percent", from: Hugo,
			in:   "[a]({{% ref \"keep/a.md\" %}})\n",
			want: "[a](keep/a.md)\n"},
		{name: "ref bare", from: Hugo,
			in:   "Go to {{< ref \"/docs/x\" >}}.\n",
			want: "Go to new/docs/x.\n"},
		{name: "ref anchor only", from: Hugo,
			in:   "[up]({{< ref \"#top\" >}})\n",
			want: "[up](#top)\n"},
		{name: "figure", from: Hugo,
			in:   "{{< figure src=\"/images/a.png\" alt=\"A chart\" caption=\"Sales in 2024\" >}}\n",
			want: "![A chart](/images/a.png)\n\n*Sales in 2024*\n"},
		{name: "youtube", from: Hugo, warned: 1,
			in:   "{{< youtube dQw4 >}}\n",
			want: "> [!WARNING]\n>\n> Not converted from Hugo: `{{< youtube dQw4 >}}` — replace it by hand.\n"},
		{name: "inline unknown", from: Hugo, warned: 1,
			in:   "Version {{< param version >}} is out.\n",
			want: "Version **Not converted from Hugo:** `{{< param version >}}` is out.\n"},
		{name: "unknown pair keeps content", from: Hugo, warned: 1,
			in:   "{{< columns >}}\nLeft.\n{{< /columns >}}\n",
			want: "> [!WARNING]\n>\n> Not converted from Hugo: `{{< columns >}}` — replace it by hand.\n\nLeft.\n"},
		{name: "tabs", from: Hugo,
			in:   "{{< tabs \"id\" >}}\n{{< tab \"MacOS\" >}}\nMac.\n{{< /tab >}}\n{{< tab title=\"Linux\" >}}\nLinux.\n{{< /tab >}}\n{{< /tabs >}}\n",
			want: "**MacOS**\n\nMac.\n\n**Linux**\n\nLinux.\n"},
		{name: "details", from: Hugo,
			in:   "{{< details \"More\" >}}\nText.\n{{< /details >}}\n",
			want: "<details>\n<summary>More</summary>\n\nText.\n\n</details>\n"},
		{name: "highlight", from: Hugo,
			in:   "{{< highlight go \"linenos=table\" >}}\nx := \"{{< ref a >}}\"\n{{< /highlight >}}\n",
			want: "```go\nx := \"{{< ref a >}}\"\n```\n"},
		{name: "code untouched", from: Hugo,
			in:   "```\n{{< hint info >}}\n```\n\n    {{< youtube x >}}\n\nAnd `{{< ref \"x\" >}}` here.\n",
			want: "```\n{{< hint info >}}\n```\n\n    {{< youtube x >}}\n\nAnd `{{< ref \"x\" >}}` here.\n"},
		{name: "escaped shortcode left", from: Hugo,
			in:   "{{</* hint */>}}\n",
			want: "{{</* hint */>}}\n"},
	})
}

func TestJekyll(t *testing.T) {
	runCases(t, []tcase{
		{name: "link", from: Jekyll,
			in:   "Read [x]({% link docs/x.md %}#part).\n",
			want: "Read [x](new/docs/x.md#part).\n"},
		{name: "post_url", from: Jekyll,
			in:   "[news]({% post_url 2024-03-01-announcement %})\n",
			want: "[news](new/_posts/2024-03-01-announcement.md)\n"},
		{name: "baseurl", from: Jekyll,
			in:   "![a]({{ site.baseurl }}/assets/a.png) ![b]({{site.url}}{{site.baseurl}}/b.png)\n",
			want: "![a](/assets/a.png) ![b](/b.png)\n"},
		{name: "relative_url", from: Jekyll,
			in:   "[a]({{ \"/docs/a/\" | relative_url }}) [b]({{ '/b' | absolute_url }})\n",
			want: "[a](/docs/a/) [b](/b)\n"},
		{name: "raw block", from: Jekyll,
			in:   "{% raw %}\nUse {{ name }} here.\n{% endraw %}\n",
			want: "Use {{ name }} here.\n"},
		{name: "raw inline", from: Jekyll,
			in:   "Write {% raw %}{{ x }}{% endraw %} to print x.\n",
			want: "Write {{ x }} to print x.\n"},
		{name: "highlight", from: Jekyll,
			in:   "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n",
			want: "```ruby\nputs 1\n```\n"},
		{name: "comment", from: Jekyll,
			in:   "{% comment %}\nTodo\n{% endcomment %}\n",
			want: "<!--\nTodo\n-->\n"},
		{name: "include note", from: Jekyll,
			in:   "{% include note.html content=\"Ask first.\" %}\n",
			want: "> [!NOTE]\n>\n> Ask first.\n"},
		{name: "include other", from: Jekyll, warned: 1,
			in:   "{% include footer.html %}\n",
			want: "> [!WARNING]\n>\n> Not converted from Jekyll: `{% include footer.html %}` — it includes another file: paste its content here, or remove it.\n"},
		{name: "if block", from: Jekyll, warned: 2,
			in:   "{% if site.beta %}\nBeta.\n{% else %}\nStable.\n{% endif %}\n",
			want: "> [!WARNING]\n>\n> Not converted from Jekyll: `{% if site.beta %}` — Liquid logic does not run in Playbook: keep the part that applies.\n\nBeta.\n> [!WARNING]\n>\n> Not converted from Jekyll: `{% else %}` — Liquid logic does not run in Playbook: keep the part that applies.\n\nStable.\n"},
		{name: "site variable", from: Jekyll, warned: 1,
			in:   "Part of {{ site.title }}.\n",
			want: "Part of **Not converted from Jekyll:** `{{ site.title }}`.\n"},
		{name: "jtd callout", from: Jekyll,
			in:   "{: .warning }\nCareful.\n\nAfter.\n",
			want: "> [!WARNING]\n>\n> Careful.\n\nAfter.\n"},
		{name: "jtd callout with title", from: Jekyll,
			in:   "{: .tip-title }\n> Keep it current\n>\n> Open a PR.\n",
			want: "> [!TIP]\n>\n> **Keep it current**\n>\n> Open a PR.\n"},
		{name: "ial and toc", from: Jekyll,
			in:   "# Title\n{: .no_toc }\n\n1. TOC\n{:toc}\n\nText.\n",
			want: "# Title\n\nText.\n"},
	})
}

func TestMdBook(t *testing.T) {
	runCases(t, []tcase{
		{name: "include", from: MdBook, warned: 1,
			in:   "{{#include ../snippets/a.md}}\n",
			want: "> [!WARNING]\n>\n> Not converted from mdBook: `{{#include ../snippets/a.md}}` — mdBook puts another file's content here: paste it in by hand.\n"},
		{name: "include in code kept", from: MdBook,
			in:   "```rust\n{{#include x.rs}}\n```\n",
			want: "```rust\n{{#include x.rs}}\n```\n"},
		{name: "inline", from: MdBook, warned: 1,
			in:   "Version {{#include v.txt}}.\n",
			want: "Version **Not converted from mdBook:** `{{#include v.txt}}`.\n"},
	})
}

func TestPlainAndEdges(t *testing.T) {
	runCases(t, []tcase{
		{name: "plain untouched", from: Plain, in: "!!! note\n    x\n{{< hint >}}\n", want: "!!! note\n    x\n{{< hint >}}\n", warned: 1},
		{name: "empty", from: Hugo, in: "", want: ""},
		{name: "no final newline", from: GitBook, in: "Text.\n{% hint style=\"info\" %}\nB.\n{% endhint %}", want: "Text.\n> [!NOTE]\n>\n> B."},
		{name: "crlf", from: MkDocs, in: "A.\r\n\r\n!!! tip\r\n    B.\r\n\r\nC.\r\n", want: "A.\r\n\r\n> [!TIP]\r\n>\r\n> B.\r\n\r\nC.\r\n"},
		{name: "crlf untouched", from: Hugo, in: "A\r\nB\r\n", want: "A\r\nB\r\n"},
		{name: "tilde fence", from: Docusaurus, in: "~~~\n:::note\n~~~\n", want: "~~~\n:::note\n~~~\n"},
		{name: "unclosed fence", from: Docusaurus, in: "```\n:::note\nx\n", want: "```\n:::note\nx\n"},
	})
}

func TestNoteLines(t *testing.T) {
	in := "Intro.\n\n{{< hint info >}}\nA.\n{{< /hint >}}\n\n{{< youtube x >}}\n"
	_, notes := Body([]byte(in), Options{From: Hugo})
	if len(notes) != 2 || notes[0].Line != 3 || !notes[0].Converted || notes[1].Line != 7 || notes[1].Converted {
		t.Errorf("notes = %+v, want a converted note at line 3 and a warning at line 7", notes)
	}
}

// TestOneLineAlerts: "> [!NOTE] text" gets its text on a line of its own,
// for every source, outside code only.
func TestOneLineAlerts(t *testing.T) {
	var cases []tcase
	for _, from := range []Source{Plain, Hugo, Docusaurus, MkDocs, GitBook, MdBook, Jekyll} {
		cases = append(cases,
			tcase{name: string(from) + " one line", from: from,
				in:   "Intro.\n\n> [!note] Read this first.\n> And this.\n\nAfter.\n",
				want: "Intro.\n\n> [!NOTE]\n> Read this first.\n> And this.\n\nAfter.\n"},
			tcase{name: string(from) + " CRLF", from: from,
				in:   "> [!Warning]   Careful\r\n",
				want: "> [!WARNING]\r\n> Careful\r\n"},
			tcase{name: string(from) + " in code", from: from,
				in:   "```\n> [!TIP] kept\n```\n",
				want: "```\n> [!TIP] kept\n```\n"},
			tcase{name: string(from) + " already right", from: from,
				in:   "> [!TIP]\n> fine\n",
				want: "> [!TIP]\n> fine\n"},
			tcase{name: string(from) + " unknown kind", from: from,
				in:   "> [!FOO] kept\n",
				want: "> [!FOO] kept\n"},
		)
	}
	runCases(t, cases)
}

// TestUnsafeHTMLNoted: raw HTML the safe mode shows as text, and a plain
// handbook's {{…}} placeholders, are noted by line, outside code only.
func TestUnsafeHTMLNoted(t *testing.T) {
	in := "# Team\n\n<iframe src=\"https://x\"></iframe>\n\n`<script>` is fine\n\n```\n<form>\n```\n\n{{generator:team_members_list}}\n"
	got, notes := Body([]byte(in), Options{From: Plain})
	if string(got) != in {
		t.Errorf("the body changed:\n%s", got)
	}
	var left []string
	for _, n := range notes {
		if !n.Converted {
			left = append(left, fmt.Sprintf("%d/%d: %s", n.Line, n.OutLine, n.Message))
		}
	}
	want := []string{
		`3/3: <iframe> is shown as text in the default safe mode: replace it with a link, or set [markdown] raw_html = "unsafe" in playbook.toml`,
		"11/11: {{generator:team_members_list}} is a placeholder a generator filled in, shown as text here: replace it with its content",
	}
	if strings.Join(left, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(left, "\n"), strings.Join(want, "\n"))
	}
}

// TestTabsOnOneLine: text on a tag's line is the tab's body, and every
// word inside tabs survives.
func TestTabsOnOneLine(t *testing.T) {
	for _, in := range []string{
		"<Tabs><TabItem value=\"a\">Alpha</TabItem></Tabs>\n",
		"<Tabs>\n<TabItem value=\"a\">Alpha beta\n</TabItem>\n<TabItem value=\"b\" label=\"B\">Gamma</TabItem>\n</Tabs>\n",
		"<Tabs>\n  <TabItem value=\"a\">\n  Alpha\n  </TabItem><TabItem value=\"b\">Delta epsilon</TabItem>\n</Tabs>\n\nAfter.\n",
	} {
		got, notes := Body([]byte(in), Options{From: Docusaurus})
		for _, n := range notes {
			if strings.Contains(n.Message, "never closed") {
				t.Errorf("%q: %s", in, n.Message)
			}
		}
		plain := tabTag.ReplaceAllString(in, " ")
		for _, w := range strings.Fields(plain) {
			if !strings.Contains(string(got), w) {
				t.Errorf("%q lost %q:\n%s", in, w, got)
			}
		}
		if strings.Contains(string(got), "<TabItem") || strings.Contains(string(got), "</Tabs>") {
			t.Errorf("%q left a tag:\n%s", in, got)
		}
	}
}

func TestTabsOnOneLineOutput(t *testing.T) {
	got, _ := Body([]byte("<Tabs><TabItem value=\"a\">Alpha</TabItem></Tabs>\n"), Options{From: Docusaurus})
	if want := "**a**\n\nAlpha\n"; !strings.HasPrefix(string(got), want) {
		t.Errorf("got %q, want it to start %q", got, want)
	}
}
