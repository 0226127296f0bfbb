namespace TakeoverRules.Passwords;

/// <summary>
/// Character classes a broker policy may require. Classes are judged after NFKC normalisation, so full-width
/// <c>Ａ１</c> counts as upper-case and digit. Kana and kanji belong to none of the classes.
/// </summary>
[Flags]
public enum CharacterClasses
{
    /// <summary>No class.</summary>
    None = 0,

    /// <summary>Lower-case letters (Unicode category Ll, e.g. <c>a-z</c>).</summary>
    Lowercase = 1,

    /// <summary>Upper-case letters (Unicode category Lu, e.g. <c>A-Z</c>).</summary>
    Uppercase = 2,

    /// <summary>Decimal digits (Unicode category Nd, e.g. <c>0-9</c>).</summary>
    Digit = 4,

    /// <summary>Symbols, punctuation and the space (Unicode categories P*, S* and Zs, e.g. <c>!@# </c>).</summary>
    Symbol = 8,

    /// <summary>All four classes.</summary>
    All = Lowercase | Uppercase | Digit | Symbol,
}
