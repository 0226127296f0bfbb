namespace TakeoverRules.Passwords;

/// <summary>Stable codes for the main weakness of a password; text via <see cref="PasswordFeedbackText"/>.</summary>
public enum PasswordWarning
{
    /// <summary>No warning.</summary>
    None = 0,

    /// <summary>The password is one of the ten most common passwords.</summary>
    TopTenPassword,

    /// <summary>The password is one of the hundred most common passwords.</summary>
    TopHundredPassword,

    /// <summary>The password is a very common password.</summary>
    CommonPassword,

    /// <summary>The password is a common password with small changes (capitals, substitutions, reversal).</summary>
    SimilarToCommonPassword,

    /// <summary>The password is mostly a single dictionary word.</summary>
    WordByItself,

    /// <summary>The password is mostly a single given name or surname.</summary>
    NameByItself,

    /// <summary>The password is built from common names.</summary>
    CommonNames,

    /// <summary>A name next to a date or year: among the first things attackers try.</summary>
    NameWithDate,

    /// <summary>The password contains the user's own details (login ID, e-mail, name, birthday …).</summary>
    ContainsUserInput,

    /// <summary>The password contains the service's or brand's name.</summary>
    ContainsContextWord,

    /// <summary>The password contains a broker name or finance term.</summary>
    ContainsFinanceTerm,

    /// <summary>A straight row of keys.</summary>
    StraightKeyboardRow,

    /// <summary>A short keyboard pattern.</summary>
    ShortKeyboardPattern,

    /// <summary>A walk over a numeric, telephone or feature-phone keypad.</summary>
    KeypadPattern,

    /// <summary>Repeated characters such as <c>aaa</c>.</summary>
    RepeatedCharacters,

    /// <summary>Repeated groups such as <c>abcabcabc</c>.</summary>
    RepeatedGroups,

    /// <summary>A sequence such as <c>abc</c> or <c>6543</c>.</summary>
    Sequence,

    /// <summary>A recent year.</summary>
    RecentYear,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A Japanese era year or birthday such as <c>H05</c> or <c>S600412</c>.</summary>
    JapaneseEraDate,

    /// <summary>A telephone number.</summary>
    PhoneNumber,

    /// <summary>
    /// A word typed with the keyboard in another input mode: a Japanese word typed with the kana keys of a JIS
    /// keyboard (<c>たなか</c> becomes <c>qut</c>), or a word typed as romaji while the IME was in kana mode.
    /// </summary>
    WordTypedInOtherInputMode,

    /// <summary>A name next to a telephone number (<c>tanaka09012345678</c>): among the first things anyone who knows you tries.</summary>
    NameWithPhoneNumber,
}
