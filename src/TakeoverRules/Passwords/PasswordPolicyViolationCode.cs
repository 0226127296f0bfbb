namespace TakeoverRules.Passwords;

/// <summary>Why a password breaks a <see cref="PasswordPolicy"/>; stable codes for programs, with localized text on <see cref="PasswordPolicyViolation"/>.</summary>
public enum PasswordPolicyViolationCode
{
    /// <summary>Fewer code points (after NFKC normalisation) than <see cref="PasswordPolicy.MinimumLength"/>.</summary>
    TooShort,

    /// <summary>More code points than <see cref="PasswordPolicy.MaximumLength"/>; the password is rejected, never truncated.</summary>
    TooLong,

    /// <summary>A class in <see cref="PasswordPolicy.RequiredClasses"/> is missing.</summary>
    MissingCharacterClass,

    /// <summary>Fewer distinct classes than <see cref="PasswordPolicy.MinimumClassCount"/>.</summary>
    TooFewCharacterClasses,

    /// <summary>A control character (such as a tab or line break) or a broken UTF-16 unit, which cannot be typed reliably.</summary>
    DisallowedCharacter,

    /// <summary>A character outside printable ASCII while <see cref="PasswordPolicy.AsciiOnly"/> is set.</summary>
    NonAsciiCharacter,

    /// <summary>The whole password (ignoring case and leading or trailing digits and symbols) is on the blocklist of common and breached passwords.</summary>
    Blocklisted,

    /// <summary>The whole password is a context word (service name, login ID, e-mail, name) or a derivative of one.</summary>
    ContextWord,

    /// <summary>The strength estimate is below <see cref="PasswordPolicy.MinimumScore"/>.</summary>
    TooGuessable,
}
