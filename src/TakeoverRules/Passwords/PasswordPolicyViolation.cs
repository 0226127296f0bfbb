using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// One rule of a <see cref="PasswordPolicy"/> that a password breaks: a stable <see cref="Code"/> for programs, a message
/// saying what to change and a reason saying why, in Japanese or English. Never contains the password.
/// </summary>
/// <param name="Code">Which rule was broken.</param>
public sealed record PasswordPolicyViolation(PasswordPolicyViolationCode Code)
{
    /// <summary>The policy's limit for the rule: the length for <see cref="PasswordPolicyViolationCode.TooShort"/> and <see cref="PasswordPolicyViolationCode.TooLong"/>, the class count or the minimum score; otherwise <see langword="null"/>.</summary>
    public int? Limit { get; init; }

    /// <summary>The estimated score for <see cref="PasswordPolicyViolationCode.TooGuessable"/>; otherwise <see langword="null"/>.</summary>
    public int? Actual { get; init; }

    /// <summary>The classes that are missing, for <see cref="PasswordPolicyViolationCode.MissingCharacterClass"/>; otherwise <see cref="CharacterClasses.None"/>.</summary>
    public CharacterClasses MissingClasses { get; init; }

    /// <summary>What the user should change, in Japanese for a <c>ja</c> culture and English otherwise.</summary>
    /// <param name="culture">The language; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string GetMessage(CultureInfo? culture = null)
    {
        var ja = TextLanguage.IsJapanese(culture);
        var limit = (Limit ?? 0).ToString(CultureInfo.InvariantCulture);
        return Code switch
        {
            PasswordPolicyViolationCode.TooShort => ja ? $"{limit}文字以上にしてください。" : $"Use at least {limit} characters.",
            PasswordPolicyViolationCode.TooLong => ja
                ? $"{limit}文字以内にしてください（超えた部分を切り捨てて受け付けることはしません）。"
                : $"Use at most {limit} characters; a longer password is rejected, never cut short.",
            PasswordPolicyViolationCode.MissingCharacterClass => ja
                ? $"{ClassNames(MissingClasses, ja)}を含めてください。"
                : $"Add {ClassNames(MissingClasses, ja)}.",
            PasswordPolicyViolationCode.TooFewCharacterClasses => ja
                ? $"英小文字・英大文字・数字・記号のうち{limit}種類以上を使ってください。"
                : $"Use at least {limit} of: lower-case letters, upper-case letters, digits, symbols.",
            PasswordPolicyViolationCode.DisallowedCharacter => ja
                ? "タブや改行などの制御文字、壊れた文字を取り除いてください。"
                : "Remove control characters (such as tabs or line breaks) and broken characters.",
            PasswordPolicyViolationCode.NonAsciiCharacter => ja
                ? "半角の英数字・記号・スペースだけを使ってください。"
                : "Use only half-width letters, digits, symbols and spaces.",
            PasswordPolicyViolationCode.Blocklisted => ja
                ? "別のパスワードにしてください。よく使われるパスワード、または漏えいしたパスワードの一覧に含まれています。"
                : "Choose a different password: this one is on a list of common or breached passwords.",
            PasswordPolicyViolationCode.ContextWord => ja
                ? "ログインID、メールアドレス、氏名、サービス名をもとにしたパスワードは避けてください。"
                : "Do not base the password on your login ID, e-mail address, name or the name of the service.",
            PasswordPolicyViolationCode.TooGuessable => ja
                ? $"より推測されにくいパスワードにしてください（評価 {(Actual ?? 0).ToString(CultureInfo.InvariantCulture)}/4、必要 {limit}/4）。"
                : $"Make the password harder to guess: it scores {(Actual ?? 0).ToString(CultureInfo.InvariantCulture)}/4 and {limit}/4 is required.",
            _ => Code.ToString(),
        };
    }

    /// <summary>Why the rule exists, in Japanese for a <c>ja</c> culture and English otherwise.</summary>
    /// <param name="culture">The language; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string GetReason(CultureInfo? culture = null)
    {
        var ja = TextLanguage.IsJapanese(culture);
        return Code switch
        {
            PasswordPolicyViolationCode.TooShort => ja
                ? "1文字増えるごとに、攻撃者が必要とする推測の回数は何倍にも増えます。NIST SP 800-63B 第4版は、パスワードだけで認証する場合は15文字以上、多要素認証の一部として使う場合は8文字以上を求めています。"
                : "Each extra character multiplies the guesses an attacker needs. NIST SP 800-63B rev. 4 requires 15 characters for a password used alone and 8 when it is part of multi-factor authentication.",
            PasswordPolicyViolationCode.TooLong => ja
                ? "上限を設けることで照合とハッシュ化にかかる時間を抑えます。入力されたパスワードは切り捨てず、そのまま照合します。"
                : "A bound keeps checking and hashing fast. What you type is checked in full and never silently truncated.",
            PasswordPolicyViolationCode.MissingCharacterClass or PasswordPolicyViolationCode.TooFewCharacterClasses => ja
                ? "このサービスのポリシーで必須の文字種です。なお、文字種の強制は長さほど強度を上げないため、NIST SP 800-63B 第4版では禁止されています。"
                : "This service's policy requires these character types. Such composition rules add less strength than length, and NIST SP 800-63B rev. 4 forbids them.",
            PasswordPolicyViolationCode.DisallowedCharacter => ja
                ? "制御文字や壊れた文字は確実に入力できず、コピーや保存の途中で失われることがあります。"
                : "Control and broken characters cannot be typed reliably and can be lost when copied or stored.",
            PasswordPolicyViolationCode.NonAsciiCharacter => ja
                ? "このサービスでは半角の英数字と記号だけが使えます。全角の英数字は自動で半角として扱いますが、かなや漢字は使えません。"
                : "This service accepts only half-width letters, digits and symbols. Full-width letters and digits are read as half-width; kana and kanji cannot be used.",
            PasswordPolicyViolationCode.Blocklisted => ja
                ? "攻撃者はまず、よく使われるパスワードや漏えいしたパスワードの一覧を試します。NIST SP 800-63B 第4版は、これらに一致するパスワードを拒否するよう求めています。"
                : "Attackers try lists of common and leaked passwords first. NIST SP 800-63B rev. 4 requires rejecting passwords on such a list.",
            PasswordPolicyViolationCode.ContextWord => ja
                ? "狙いを定めた攻撃では、まず本人やサービスに関係する語が試されます。NIST SP 800-63B 第4版も、こうした語をブロックリストに含めるものとして挙げています。"
                : "A targeted attack tries words tied to the person and the service first. NIST SP 800-63B rev. 4 names them for the blocklist.",
            PasswordPolicyViolationCode.TooGuessable => ja
                ? "推測の回数の見積もりが、このサービスの求める水準に届いていません。"
                : "The estimated number of guesses is below what this service requires.",
            _ => Code.ToString(),
        };
    }

    private static string ClassNames(CharacterClasses classes, bool ja)
    {
        var names = new List<string>(4);
        if ((classes & CharacterClasses.Lowercase) != 0) names.Add(ja ? "英小文字" : "a lower-case letter");
        if ((classes & CharacterClasses.Uppercase) != 0) names.Add(ja ? "英大文字" : "an upper-case letter");
        if ((classes & CharacterClasses.Digit) != 0) names.Add(ja ? "数字" : "a digit");
        if ((classes & CharacterClasses.Symbol) != 0) names.Add(ja ? "記号" : "a symbol");
        return ja ? string.Join("・", names) : string.Join(", ", names);
    }
}
