package search

// fixtureDocs are hand-written pages with the features tests need.
func fixtureDocs() []Doc {
	f := func(kv ...string) map[string][]string {
		m := map[string][]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = append(m[kv[i]], kv[i+1])
		}
		return m
	}
	return []Doc{
		{URL: "/objections/too-expensive/", Title: "It's too expensive", Kind: "objection",
			Facets:  f("category", "price", "persona", "cfo", "stage", "proposal", "stage", "negotiation", "owners", "sales"),
			Phrases: []string{"It's too expensive.", "That's more than we were expecting.", "We can't justify that for a tracking tool."},
			Names:   []string{"It's too expensive.", "That's more than we were expecting.", "We can't justify that for a tracking tool."},
			Sections: []Section{
				{Text: "The customer says the price is too high for this year's budget."},
				{Anchor: "acknowledge", Heading: "Acknowledge", Text: "That's a fair concern, and a common one."},
				{Anchor: "respond", Heading: "Respond", Text: "Offer a paid pilot rather than a discount. Show the return on investment in the first quarter."},
			}},
		{URL: "/objections/already-use-freightdesk/", Title: "We already use FreightDesk", Kind: "objection",
			Facets: f("category", "competitor", "persona", "vp-supply-chain", "stage", "discovery"),
			Sections: []Section{
				{Text: "The incumbent point tool: respect the choice and find the gaps a competitor leaves."},
				{Anchor: "clarify", Heading: "Clarify", Text: "What made you choose FreightDesk, and what do you still do in spreadsheets?"},
			}},
		{URL: "/closing-tools/paid-pilot/", Title: "Paid pilot", Kind: "closing-tool", Facets: f("owners", "sales"),
			Sections: []Section{
				{Text: "Two lanes for eight weeks, paid, with success criteria agreed up front."},
				{Anchor: "when-to-use-it", Heading: "When to use it", Text: "The buyer doubts the value, or the price feels too high before proof."},
			}},
		{URL: "/closing-tools/carrier-onboarding-service/", Title: "Carrier onboarding service", Kind: "closing-tool",
			Sections: []Section{{Text: "We connect their carriers so planners don't do the work. The TMS stays in place."}}},
		{URL: "/glossary/roi/", Title: "ROI", Kind: "term", Phrases: []string{"return on investment", "payback"}, Names: []string{"return on investment", "payback"},
			Sections: []Section{{Text: "Return on investment: freight savings divided by what the customer pays us."}}},
		{URL: "/glossary/qualified-prospect/", Title: "Qualified prospect", Kind: "term", Phrases: []string{"qualified lead", "QP"}, Names: []string{"qualified lead", "QP"},
			Sections: []Section{{Text: "A buyer who fits the ICP and has a need we can meet this quarter."}}},
		{URL: "/objections/ask-my-boss/", Title: "I need to ask my boss", Kind: "objection", Facets: f("category", "authority"),
			Phrases:  []string{"I need to run this past my boss first.", "I'm not the one who signs off on this."},
			Sections: []Section{{Text: "Find who signs off, and help the buyer sell it inside."}}},
		{URL: "/glossary/tms/", Title: "TMS", Kind: "term",
			Sections: []Section{{Text: "A transport management system plans and tenders loads."}}},
		{URL: "/guides/café/", Title: "Café naïve Straße", Kind: "guide",
			Sections: []Section{
				{Text: "Crème brûlée at the Zürich café, Øresund and Łódź lanes."},
				{Anchor: "tokyo", Heading: "東京の物流", Text: "東京 と 大阪 の 物流 は 速い。"},
			}},
		{URL: "/objections/markup/", Title: "<img src=x onerror=alert(1)> & \"quotes\"", Kind: "objection", Facets: f("category", "risk"),
			Sections: []Section{{Text: "A title with markup must be shown as text: <b>bold</b> & more."}}},
		{URL: "/guides/dont-discount/", Title: "Don’t discount", Kind: "guide",
			Sections: []Section{{Text: "Don't discount first; the rock'n'roll of sales is value."}}},
		{URL: "/objections/data-security/", Title: "Data security concerns", Kind: "objection", Facets: f("category", "risk", "stage", "proposal"),
			Sections: []Section{{Anchor: "", Text: "Security reviews, SOC 2 and ISO 27001 in 2026."}}},
		{URL: "/guides/lanes-2026/", Title: "Lane plan 2026", Kind: "guide",
			Sections: []Section{{Text: "Every lane, every carrier, for 2026 and 2027."}}},
	}
}
