namespace TakeoverRules.Passwords;

/// <summary>Why a trading PIN (取引暗証番号) is easy to guess; stable codes for programs, with localized text on <see cref="TradingPinFinding"/>.</summary>
public enum TradingPinWeakness
{
    /// <summary>Not exactly four digits after NFKC normalisation (full-width digits are accepted as digits).</summary>
    InvalidFormat,

    /// <summary>One of the 20 commonest four-digit codes in a published analysis of Pwned Passwords (see <see cref="TradingPinResult.CommonRank"/>).</summary>
    Common,

    /// <summary>Only one or two different digits (<c>1111</c>, <c>1212</c>, <c>1122</c>, <c>1221</c>).</summary>
    RepeatedDigits,

    /// <summary>An ascending or descending run with step 1 (wrapping 9→0, as in <c>7890</c>) or step 2 (<c>2468</c>).</summary>
    Sequence,

    /// <summary>A shape on a phone keypad (1-2-3 on top) or a numeric keypad (7-8-9 on top): a walk over neighbouring keys (<c>2580</c>, <c>1236</c>), the four corners or the four edge keys in any order.</summary>
    KeypadPattern,

    /// <summary>A month and day (<c>MMDD</c>), such as <c>0101</c> or <c>1225</c>.</summary>
    Date,

    /// <summary>A year from 1900 to 2099.</summary>
    Year,

    /// <summary>Taken from the holder's birth date: <c>MMDD</c>, <c>DDMM</c>, <c>YYYY</c>, <c>YYMM</c>, <c>MMYY</c>, or the Japanese era year and month (昭和60年7月 → <c>6007</c>).</summary>
    BirthDate,

    /// <summary>The four digits appear in the login password.</summary>
    PartOfLoginPassword,

    /// <summary>The four digits appear in another number of the holder (phone, account, postal code, login ID).</summary>
    ContextNumber,
}
