using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>The verdict on one trading PIN. Immutable; never contains the PIN.</summary>
/// <param name="Findings">Every weakness found, in the order of <see cref="TradingPinWeakness"/>; empty when acceptable.</param>
/// <param name="CommonRank">The PIN's rank (1–20) among the commonest codes when <see cref="TradingPinWeakness.Common"/> was found; otherwise <see langword="null"/>.</param>
public sealed record TradingPinResult(IReadOnlyList<TradingPinFinding> Findings, int? CommonRank)
{
    /// <summary>Whether no weakness was found.</summary>
    public bool IsAcceptable => Findings.Count == 0;

    /// <summary>Whether <paramref name="weakness"/> is among the <see cref="Findings"/>.</summary>
    /// <param name="weakness">The weakness to look for.</param>
    public bool Has(TradingPinWeakness weakness) => Findings.Any(f => f.Weakness == weakness);
}

/// <summary>One weakness of a trading PIN, with a message and a reason in Japanese or English.</summary>
/// <param name="Weakness">What is weak.</param>
public sealed record TradingPinFinding(TradingPinWeakness Weakness)
{
    /// <summary>What the user should change, in Japanese for a <c>ja</c> culture and English otherwise.</summary>
    /// <param name="culture">The language; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string GetMessage(CultureInfo? culture = null)
    {
        var ja = TextLanguage.IsJapanese(culture);
        return Weakness switch
        {
            TradingPinWeakness.InvalidFormat => ja ? "4桁の数字を入力してください。" : "Enter exactly four digits.",
            TradingPinWeakness.Common => ja ? "非常によく使われる4桁の番号です。別の番号にしてください。" : "This is one of the most used four-digit codes; choose another.",
            TradingPinWeakness.RepeatedDigits => ja
                ? "同じ数字の繰り返しや、2種類の数字だけの番号（1111、1212、1122など）は避けてください。"
                : "Avoid codes made of one or two different digits (1111, 1212, 1122).",
            TradingPinWeakness.Sequence => ja ? "1234、9876、2468のような連番は避けてください。" : "Avoid runs such as 1234, 9876 or 2468.",
            TradingPinWeakness.KeypadPattern => ja
                ? "2580（縦一列）や1397（四隅）のような、テンキー上の形になる番号は避けてください。"
                : "Avoid shapes on the keypad, such as 2580 (a column) or 1397 (the corners).",
            TradingPinWeakness.Date => ja ? "0101や1225のような月日は避けてください。" : "Avoid a month and day, such as 0101 or 1225.",
            TradingPinWeakness.Year => ja ? "1985や2004のような西暦の年は避けてください。" : "Avoid a year, such as 1985 or 2004.",
            TradingPinWeakness.BirthDate => ja ? "生年月日（和暦を含む）から作った番号は使わないでください。" : "Do not use your date of birth (in any order or era notation).",
            TradingPinWeakness.PartOfLoginPassword => ja ? "ログインパスワードに含まれる数字を使わないでください。" : "Do not reuse digits from your login password.",
            TradingPinWeakness.ContextNumber => ja
                ? "電話番号・口座番号・郵便番号などの一部は使わないでください。"
                : "Do not use digits from your phone, account or postal number.",
            _ => Weakness.ToString(),
        };
    }

    /// <summary>Why it is weak, in Japanese for a <c>ja</c> culture and English otherwise.</summary>
    /// <param name="culture">The language; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string GetReason(CultureInfo? culture = null)
    {
        var ja = TextLanguage.IsJapanese(culture);
        return Weakness switch
        {
            TradingPinWeakness.InvalidFormat => ja ? "取引暗証番号は4桁の数字です。全角数字は半角として扱います。" : "A trading PIN is four digits; full-width digits are read as half-width.",
            TradingPinWeakness.Common => ja
                ? "Pwned Passwords に含まれる4桁の数字の分析（2018年）で上位20位に入る番号です。攻撃者はこうした番号から試します。"
                : "It is among the 20 commonest four-digit codes in an analysis of Pwned Passwords (2018); attackers try these first.",
            TradingPinWeakness.RepeatedDigits => ja ? "1〜2種類の数字でできた番号は640通りしかなく、早い段階で試されます。" : "Only 640 codes use one or two different digits, and they are tried early.",
            TradingPinWeakness.Sequence => ja ? "昇順・降順の連番は最初に試される番号の一つです。" : "Ascending and descending runs are among the first codes tried.",
            TradingPinWeakness.KeypadPattern => ja
                ? "電話やテンキーの配列上の直線や四隅などの形は覚えやすい反面、早い段階で試されます。"
                : "Lines, corners and other shapes on a phone or numeric keypad are easy to remember and are tried early.",
            TradingPinWeakness.Date => ja ? "誕生日や記念日はよく選ばれ、月日の組み合わせは366通りしかありません。" : "Birthdays and anniversaries are common choices, and there are only 366 month-and-day codes.",
            TradingPinWeakness.Year => ja
                ? "生まれ年などの西暦はよく選ばれます。Pwned Passwords の分析（2018年）でも1984〜1989年や2004年が上位20位に入っています。"
                : "Birth years and other years are common choices; 1984–1989 and 2004 are in the top 20 of an analysis of Pwned Passwords (2018).",
            TradingPinWeakness.BirthDate => ja
                ? "生年月日は身分証や流出した個人情報から分かるため、狙われた場合に真っ先に試されます。"
                : "A birth date is on documents and in leaked personal data, so a targeted attacker tries it first.",
            TradingPinWeakness.PartOfLoginPassword => ja
                ? "ログインパスワードがフィッシングや漏えいで知られると、そこから作った暗証番号も同時に破られます。2つは無関係にしてください。"
                : "If the login password is phished or leaked, a PIN taken from it falls with it; the two must be independent.",
            TradingPinWeakness.ContextNumber => ja
                ? "こうした番号は周囲の人に知られていたり、口座情報と一緒に流出していたりします。"
                : "These numbers are known to people around the holder and often leak with account data.",
            _ => Weakness.ToString(),
        };
    }
}
