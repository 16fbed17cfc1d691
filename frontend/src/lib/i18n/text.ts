/** A text, or one form per plural category of its count {n} (Intl.PluralRules: "1 toehoorder", "2 toehoorders"). */
export type Text = string | { one: string; other: string };
