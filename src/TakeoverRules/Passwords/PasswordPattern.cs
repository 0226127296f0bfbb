namespace TakeoverRules.Passwords;

/// <summary>
/// One part of the cheapest explanation of a password: its kind and position, never its text.
/// Positions are UTF-16 indices in the NFKC-normalized password.
/// </summary>
public readonly record struct PasswordPattern
{
    /// <summary>The kind of pattern.</summary>
    public PasswordPatternKind Kind { get; init; }

    /// <summary>Index of the first character, in UTF-16 code units of the normalized password.</summary>
    public int Start { get; init; }

    /// <summary>Number of UTF-16 code units the pattern covers.</summary>
    public int Length { get; init; }

    /// <summary>Base-10 logarithm of the guesses this pattern alone needs.</summary>
    public double GuessesLog10 { get; init; }

    /// <summary>For <see cref="PasswordPatternKind.Dictionary"/>: the list the word came from; otherwise <see cref="PasswordWordList.None"/>.</summary>
    public PasswordWordList WordList { get; init; }

    /// <summary>For <see cref="PasswordPatternKind.Dictionary"/>: the word's 1-based frequency rank in its list; otherwise 0.</summary>
    public int Rank { get; init; }

    /// <summary>For <see cref="PasswordPatternKind.Dictionary"/>: the word appears reversed.</summary>
    public bool IsReversed { get; init; }

    /// <summary>For <see cref="PasswordPatternKind.Dictionary"/>: the word appears with l33t substitutions such as <c>@</c> for <c>a</c>.</summary>
    public bool HasSubstitutions { get; init; }

    /// <summary>
    /// For <see cref="PasswordPatternKind.Dictionary"/>: how the word was typed, when the characters are not its
    /// letters (a Japanese word typed with kana keys, a word typed while the IME was in kana mode).
    /// </summary>
    public PasswordInputMode InputMode { get; init; }

    /// <summary>For <see cref="PasswordPatternKind.Dictionary"/>: the Japanese word appears in another romaji spelling the IME accepts (<c>tu</c> for <c>tsu</c>, <c>nn</c>, <c>ou</c> for <c>o</c> …).</summary>
    public bool IsSpellingVariant { get; init; }

    /// <summary>For <see cref="PasswordPatternKind.Keyboard"/>: the keyboard or keypad walked; otherwise <see cref="PasswordKeyboard.None"/>.</summary>
    public PasswordKeyboard Keyboard { get; init; }
}
