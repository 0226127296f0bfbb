using System.Globalization;

namespace TakeoverRules;

/// <summary>
/// The library's one rule for the language of human text. Every member that writes text for people (explanations,
/// messages, checklists, charts, <see cref="BilingualText.In"/>) takes a <see cref="CultureInfo"/> named
/// <c>culture</c>; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>, as in .NET's own resource
/// lookup. A culture whose name or any parent's name is <c>ja</c> (for example <c>ja</c> or <c>ja-JP</c>) gets
/// Japanese; every other culture, the invariant culture included, gets English. Machine-readable output (JSON, wire
/// codes) does not depend on the culture.
/// </summary>
/// <remarks>
/// The rule compares culture names, not ICU data, so it gives the same answer with
/// <c>InvariantGlobalization</c> on (where a host may create <c>ja-JP</c> only as a custom culture). Thread-safe.
/// </remarks>
public static class TextLanguage
{
    /// <summary>Whether text for <paramref name="culture"/> is written in Japanese (see <see cref="TextLanguage"/>).</summary>
    /// <param name="culture">The culture; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns><see langword="true"/> for a <c>ja</c> culture or one of its specific cultures; otherwise <see langword="false"/> (English).</returns>
    public static bool IsJapanese(CultureInfo? culture)
    {
        // Bounded: a parent chain ends at the invariant culture (empty name), whose parent is itself.
        for (var c = culture ?? CultureInfo.CurrentUICulture; c.Name.Length > 0; c = c.Parent)
        {
            if (IsJapaneseName(c.Name)) return true;
            if (ReferenceEquals(c.Parent, c)) break;
        }

        return false;
    }

    /// <summary>
    /// Whether text for the culture or language tag <paramref name="cultureName"/> (BCP 47, as in an HTTP
    /// <c>Accept-Language</c> header) is written in Japanese: <c>ja</c> or a tag that starts <c>ja-</c>. For a tag that may
    /// name no culture this machine knows, without creating a <see cref="CultureInfo"/>.
    /// </summary>
    /// <param name="cultureName">A culture name or language tag; null or empty is English.</param>
    /// <returns><see langword="true"/> for <c>ja</c> and its specific tags; otherwise <see langword="false"/> (English).</returns>
    public static bool IsJapanese(string? cultureName) => cultureName is { Length: >= 2 } && IsJapaneseName(cultureName);

    private static bool IsJapaneseName(string name) =>
        name.StartsWith("ja", StringComparison.OrdinalIgnoreCase) && (name.Length == 2 || name[2] is '-' or '_');
}
