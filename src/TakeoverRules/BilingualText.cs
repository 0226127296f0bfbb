using System.Globalization;

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
    /// <summary>Returns the wording for <paramref name="culture"/>: Japanese for a <c>ja</c> culture, English otherwise (the rule of <see cref="TextLanguage"/>).</summary>
    /// <param name="culture">The culture; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The wording in that culture's language.</returns>
    public string In(CultureInfo? culture = null) => TextLanguage.IsJapanese(culture) ? Ja : En;

    /// <summary>Both wordings, Japanese first: <c>ja / en</c>.</summary>
    /// <returns>The two wordings separated by a slash.</returns>
    public override string ToString() => $"{Ja} / {En}";
}
