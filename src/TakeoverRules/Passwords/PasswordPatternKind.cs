namespace TakeoverRules.Passwords;

/// <summary>The kind of pattern that explains one part of a password.</summary>
public enum PasswordPatternKind
{
    /// <summary>Characters no other pattern explains, counted as 10 guesses each.</summary>
    BruteForce = 0,

    /// <summary>A word from a ranked dictionary, the caller's user inputs or context words (possibly reversed or with l33t substitutions).</summary>
    Dictionary,

    /// <summary>A walk over neighbouring keys of a keyboard or keypad.</summary>
    Keyboard,

    /// <summary>Characters with a constant step, such as <c>abcd</c> or <c>9753</c>.</summary>
    Sequence,

    /// <summary>A repeated character or group, such as <c>aaaa</c> or <c>abcabc</c>.</summary>
    Repeat,

    /// <summary>A calendar date in day, month and year order, with or without separators.</summary>
    Date,

    /// <summary>A year between 1900 and 2099.</summary>
    Year,

    /// <summary>A month and day without a year (MMDD or DDMM).</summary>
    MonthDay,

    /// <summary>A year in a Japanese era (Showa, Heisei, Reiwa …) written as a letter or the era name plus the year, optionally with month and day.</summary>
    JapaneseEraDate,

    /// <summary>A string shaped like a Japanese telephone number (mobile, free-dial, IP or landline).</summary>
    PhoneNumber,
}
