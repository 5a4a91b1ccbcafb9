package convert

import (
	"strings"
	"testing"
)

// TestPages converts one realistic page per source, mixing its constructs,
// and checks what each became and that nothing of the source is left.
func TestPages(t *testing.T) {
	pages := []struct {
		from   Source
		in     string
		want   []string
		warned int
	}{
		{Hugo, `Read [pricing]({{< ref "sales/pricing.md#tiers" >}}) first.

{{< hint warning >}}
**Prices change**

- every January
- see {{< relref "keep/x" >}}
{{< /hint >}}

{{< figure src="/images/funnel.png" alt="Funnel" >}}

{{< youtube dQw4w9WgXcQ >}}

` + "```go\n{{< hint info >}}\n```\n", []string{
			"Read [pricing](new/sales/pricing.md#tiers) first.",
			"> [!WARNING]\n>\n> **Prices change**\n>\n> - every January\n> - see keep/x\n",
			"![Funnel](/images/funnel.png)",
			"> Not converted from Hugo: `{{< youtube dQw4w9WgXcQ >}}`",
			"```go\n{{< hint info >}}\n```\n",
		}, 1},
		{Docusaurus, `import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

# Follow-up

{/* TODO: add numbers */}

:::warning Check with legal

Never promise dates.

:::

<Tabs>
  <TabItem value="email" label="Email" default>

Send the recap.

  </TabItem>
</Tabs>

<DocCardList />
`, []string{
			"# Follow-up\n\n> [!WARNING]\n>\n> **Check with legal**\n>\n> Never promise dates.\n",
			"**Email**\n\nSend the recap.\n",
			"Not converted from Docusaurus: `<DocCardList />`",
		}, 1},
		{MkDocs, `# Discounts

!!! note "Approval"

    Ask the deal desk.

    ` + "```text\n    !!! not an admonition\n    ```" + `

=== "Email"

    Write.

=== "Phone"

    Call.

??? bug
    It breaks.
`, []string{
			"> [!NOTE]\n>\n> **Approval**\n>\n> Ask the deal desk.\n>\n> ```text\n> !!! not an admonition\n> ```\n",
			"**Email**\n\nWrite.\n\n**Phone**\n\nCall.\n",
			"> [!CAUTION]\n>\n> **Bug**\n>\n> It breaks.\n",
		}, 0},
		{GitBook, `# Onboarding

{% hint style="info" %}
Interested? [Learn more](https://example.com).
{% endhint %}

{% embed url="https://www.youtube.com/watch?v=abc" %}
Recording of the last session
{% endembed %}

{% content-ref url="../sales/pricing.md" %}
[pricing.md](../sales/pricing.md)
{% endcontent-ref %}

{% tabs %}
{% tab title="Email" %}
Write.
{% endtab %}
{% endtabs %}
`, []string{
			"> [!NOTE]\n>\n> Interested? [Learn more](https://example.com).\n",
			"[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\nRecording of the last session\n",
			"[pricing.md](new/../sales/pricing.md)",
			"**Email**\n\nWrite.\n",
		}, 0},
		{MdBook, "# Policy\n\n{{#include ../snippets/confidentiality.md}}\n\nText.\n", []string{
			"# Policy\n\n> [!WARNING]\n>\n> Not converted from mdBook: `{{#include ../snippets/confidentiality.md}}`",
			"\n\nText.\n",
		}, 1},
		{Jekyll, `# Pricing
{: .no_toc }

See [renewals]({% link docs/sales/renewals.md %}).

![Chart]({{ site.baseurl }}/assets/images/chart.png)

{% include note.html content="Ask in the Finance channel." %}

{: .warning }
Prices change in January.

This page is part of {{ site.title }}.
`, []string{
			"# Pricing\n\nSee [renewals](new/docs/sales/renewals.md).",
			"![Chart](/assets/images/chart.png)",
			"> [!NOTE]\n>\n> Ask in the Finance channel.\n",
			"> [!WARNING]\n>\n> Prices change in January.\n",
			"part of **Not converted from Jekyll:** `{{ site.title }}`.",
		}, 1},
	}
	for _, p := range pages {
		t.Run(string(p.from), func(t *testing.T) {
			out, notes := Body([]byte(p.in), Options{From: p.from, Link: testLink})
			for _, w := range p.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			warned := 0
			for _, n := range notes {
				if !n.Converted {
					warned++
				}
			}
			if warned != p.warned {
				t.Errorf("%d warnings, want %d: %+v", warned, p.warned, notes)
			}
			for i, l := range outsideCodeLines(out) {
				if leftovers.MatchString(l) && !strings.Contains(l, "Not converted from") {
					t.Errorf("line %d still has source syntax: %q\n%s", i+1, l, out)
				}
			}
		})
	}
}
