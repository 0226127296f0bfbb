using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// What to tell the person choosing the password: at most one warning and a few concrete suggestions.
/// Codes are stable identifiers; <see cref="GetWarningText"/> and <see cref="GetSuggestionTexts"/> give the
/// Japanese or English text. Immutable and thread-safe.
/// </summary>
public sealed record PasswordFeedback
{
    internal static readonly PasswordFeedback Empty = new(PasswordWarning.None, []);

    internal PasswordFeedback(PasswordWarning warning, IReadOnlyList<PasswordSuggestion> suggestions)
    {
        Warning = warning;
        Suggestions = suggestions;
    }

    /// <summary>The main weakness found, or <see cref="PasswordWarning.None"/>.</summary>
    public PasswordWarning Warning { get; }

    /// <summary>Suggestions in the order to show them; empty when the password is strong and hit no blocklist.</summary>
    public IReadOnlyList<PasswordSuggestion> Suggestions { get; }

    /// <summary>The warning text in the culture's language (Japanese for <c>ja</c>, otherwise English); empty when there is no warning.</summary>
    /// <param name="culture">The culture; <see cref="CultureInfo.CurrentUICulture"/> when null.</param>
    public string GetWarningText(CultureInfo? culture = null) => PasswordFeedbackText.Get(Warning, culture);

    /// <summary>The suggestion texts in the culture's language (Japanese for <c>ja</c>, otherwise English).</summary>
    /// <param name="culture">The culture; <see cref="CultureInfo.CurrentUICulture"/> when null.</param>
    public IReadOnlyList<string> GetSuggestionTexts(CultureInfo? culture = null)
    {
        var texts = new string[Suggestions.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = PasswordFeedbackText.Get(Suggestions[i], culture);
        return texts;
    }

    /// <summary>Compares warning and suggestions by value.</summary>
    /// <param name="other">The feedback to compare with.</param>
    public bool Equals(PasswordFeedback? other) =>
        other is not null && Warning == other.Warning && Suggestions.SequenceEqual(other.Suggestions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Warning, Suggestions.Count);
}
