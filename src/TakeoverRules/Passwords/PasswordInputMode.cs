namespace TakeoverRules.Passwords;

/// <summary>How a <see cref="PasswordPatternKind.Dictionary"/> word was typed.</summary>
public enum PasswordInputMode
{
    /// <summary>The characters are the word's own letters.</summary>
    AsTyped = 0,

    /// <summary>
    /// A Japanese word typed with the kana keys of a JIS keyboard while the characters were entered as ASCII (a
    /// password field takes the keys, not the kana): <c>たなか</c> becomes <c>qut</c>.
    /// </summary>
    KanaKeys,

    /// <summary>A word typed with its letter keys while the IME was in kana-input mode, so the password holds the kana on those keys (<c>sakura</c> becomes <c>とちのないち</c>).</summary>
    LetterKeysInKanaMode,
}
