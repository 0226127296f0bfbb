namespace TakeoverRules;

/// <summary>
/// A text with its Japanese primary wording and an English rendering alongside. The Japanese text is the
/// wording the sources use; the English text is a translation or paraphrase for readers who need one.
/// </summary>
/// <param name="Ja">The Japanese (primary) wording.</param>
/// <param name="En">The English wording.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BilingualText(string Ja, string En)
{
    /// <summary>Returns the text in <paramref name="language"/>: <c>"ja"</c> for Japanese, anything else for English.</summary>
    /// <param name="language">An ISO 639-1 code such as <c>ja</c> or <c>en</c>.</param>
    /// <returns>The wording in that language.</returns>
    public string In(string language) => string.Equals(language, "ja", StringComparison.OrdinalIgnoreCase) ? Ja : En;

    /// <summary>Both wordings, Japanese first: <c>ja / en</c>.</summary>
    /// <returns>The two wordings separated by a slash.</returns>
    public override string ToString() => $"{Ja} / {En}";
}
