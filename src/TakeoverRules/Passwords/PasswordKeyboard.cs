namespace TakeoverRules.Passwords;

/// <summary>The keyboard or keypad a <see cref="PasswordPatternKind.Keyboard"/> pattern walks.</summary>
public enum PasswordKeyboard
{
    /// <summary>Not a keyboard pattern.</summary>
    None = 0,

    /// <summary>US QWERTY (ANSI) layout.</summary>
    UsQwerty,

    /// <summary>Japanese JIS (JP106/109) layout, whose symbols differ from US QWERTY.</summary>
    JapaneseJis,

    /// <summary>A computer's numeric keypad.</summary>
    NumericKeypad,

    /// <summary>A telephone keypad (1-2-3 on top, 0 at the bottom).</summary>
    PhoneKeypad,

    /// <summary>Letters typed on a feature-phone keypad (<c>adgjmptw</c> is the first letter of keys 2 to 9).</summary>
    FeaturePhoneLetters,

    /// <summary>US Dvorak (simplified Dvorak as shipped with common operating systems).</summary>
    Dvorak,

    /// <summary>The numeric keypad of Apple's extended keyboards (<c>= / *</c> on top, <c>-</c> and <c>+</c> on the right).</summary>
    MacKeypad,
}
