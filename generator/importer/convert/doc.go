// Package convert turns the body of a page written for another site
// generator into the CommonMark/GFM that Playbook renders, for
// "playbook import". It works on text alone: it reads no files, and the
// caller maps link targets through Options.Link.
//
// Text inside fenced code blocks (``` and ~~~), indented code blocks and
// code spans is never changed, nor is any line that holds nothing to
// convert (line endings included). What cannot be mapped is replaced by a
// visible warning in the page,
//
//	> [!WARNING]
//	>
//	> Not converted from Hugo: `{{< youtube dQw4 >}}` — replace it by hand.
//
// (in bold inside a line of text), and a Note with Converted false; nothing
// is dropped silently. A block that is never closed is converted up to the
// end of the page, with a note.
//
// # Admonitions
//
// For every source, a GitHub alert marker with text on its line
// ("> [!NOTE] Keep it short", which some tools render as a callout) gets
// its text on the next quote line, where GitHub and Playbook read it.
//
// Admonitions become GitHub alerts, which Playbook renders as callouts,
// also inside lists and quotes. The marker line is followed by an empty
// quote line, so that Playbook's markdown always sees it alone; a title
// becomes a bold first paragraph of the alert ("> **Title**"). Types map to the five alerts as follows:
//
//	NOTE       note, info, todo, abstract, summary, tldr, question, help,
//	           faq, example, quote, cite, seealso, primary, secondary, default
//	TIP        tip, hint, success, check, done
//	IMPORTANT  important
//	WARNING    warning, warn, caution, attention
//	CAUTION    danger, error, failure, fail, missing, bug
//
// An unknown type becomes a NOTE titled with the type's name. MkDocs types
// that the alert does not say (todo, abstract, success, question, failure,
// bug, example, quote and their aliases) are titled with their name when
// they have no title, as Material shows them.
//
//   - MkDocs (Material): "!!! type", "!!! type "Title"", "??? type" and
//     "???+ type" (no longer folding), with the body indented four spaces;
//     nested lists, code and admonitions keep their structure.
//   - Docusaurus: ":::type", ":::type Title", ":::type[Title]" up to ":::";
//     nested ones, with more colons or not.
//   - GitBook: {% hint style="info|success|warning|danger" %} … {% endhint %}.
//   - Hugo: {{< hint type >}} (hugo-book), {{% notice type "Title" %}}
//     (relearn), {{% alert title="…" color="…" %}} and {{% pageinfo %}}
//     (docsy), {{< callout type="…" >}} (hextra), {{< admonition >}}.
//   - Jekyll: {% include note.html content="…" %} (and tip, warning,
//     important, caution, danger, callout, alert .html), and the callouts of
//     just-the-docs: "{: .note }" before a paragraph, "{: .note-title }"
//     before a quote whose first line is the title.
//
// # Tabs
//
// Each tab becomes a bold label followed by its content, dedented:
// MkDocs' === "Tab", GitBook's {% tabs %}{% tab title="…" %}, Docusaurus'
// <Tabs><TabItem value label>, Hugo's {{< tabs >}}{{< tab "…" >}}.
//
// # Links and other constructs
//
//   - Hugo: {{< ref "x.md" >}} and {{< relref "x#anchor" >}}, quoted or not,
//     in a link destination or bare, become the target through Options.Link
//     (the #anchor kept). {{< figure src alt caption >}} becomes an image
//     with its caption in italics below. {{< highlight go >}} becomes a
//     fenced code block, {{< details "Title" >}} (and relearn's expand) a
//     <details> element. Any other shortcode is a warning.
//   - Jekyll: {% link path.md %} becomes Link("path.md"), {% post_url name %}
//     becomes Link("_posts/name.md"); {{ site.baseurl }} and {{ site.url }}
//     are removed, {{ "/x" | relative_url }} (or absolute_url) becomes /x;
//     {% raw %} is unwrapped (its content kept as written); {% highlight %}
//     becomes a fenced code block, {% comment %} an HTML comment; other
//     kramdown attribute lists ({: .no_toc }) and the "* TOC {:toc}" list
//     are removed. Includes, {% if %} and other Liquid are warnings; their
//     closing tags ({% endif %}) are removed.
//   - GitBook: {% content-ref url="x.md" %} becomes a plain link to
//     Link("x.md") with the card's text; {% embed url="…" %} a link with the
//     URL as text (a caption kept below it); {% file src="…" %} a link;
//     {% code title="…" %} a bold title above its code block. Any other tag
//     is a warning.
//   - mdBook: {{#include file.md}} and the other {{#…}} links are warnings,
//     as their content is in another file.
//   - MDX (Docusaurus): import and export statements are removed, {/* JSX
//     comments */} too; any other capitalised component is a warning (the
//     content between its tags kept).
//   - MkDocs: snippets (--8<--) are warnings.
//
// Plain markdown is returned as it is.
package convert
