using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// Japanese and English texts for <see cref="PasswordWarning"/> and <see cref="PasswordSuggestion"/> codes.
/// The language follows <see cref="TextLanguage"/>: Japanese for a <c>ja</c> culture, English otherwise. Thread-safe.
/// </summary>
public static class PasswordFeedbackText
{
    private static readonly string[] WarningsEn =
    [
        "",
        "This is one of the ten most common passwords.",
        "This is one of the hundred most common passwords.",
        "This is a very common password.",
        "This is a common password with small changes; attackers try those changes too.",
        "A single word is easy to guess.",
        "A name by itself is easy to guess.",
        "Common names and surnames are easy to guess.",
        "A name followed by a date or year is among the first things attackers try.",
        "The password contains your own details (login ID, e-mail, name or birthday).",
        "The password contains the name of the service.",
        "Broker names and finance words are among the first words attackers try on trading accounts.",
        "Straight rows of keys are easy to guess.",
        "Short keyboard patterns are easy to guess.",
        "Keypad patterns (numeric pad, phone or feature-phone keys such as adgjmptw) are easy to guess.",
        "Repeated characters like \"aaa\" are easy to guess.",
        "Repeated groups like \"abcabcabc\" are only slightly harder to guess than one group.",
        "Sequences like \"abc\" or \"6543\" are easy to guess.",
        "Recent years are easy to guess.",
        "Dates are often easy to guess.",
        "Japanese era years and birthdays such as H05 or S600412 are easy to guess.",
        "Telephone numbers are easy to guess for anyone who knows you.",
        "A word typed with the keyboard in another input mode (kana keys, or romaji typed in kana mode) is as easy to guess as the word.",
        "A name next to a telephone number is among the first things anyone who knows you tries.",
    ];

    private static readonly string[] WarningsJa =
    [
        "",
        "最もよく使われている上位10個のパスワードの一つです。",
        "最もよく使われている上位100個のパスワードの一つです。",
        "非常によく使われているパスワードです。",
        "よく使われているパスワードを少し変えたものです。攻撃者はその変形も試します。",
        "単語が一つだけのパスワードは推測されやすいです。",
        "名前だけのパスワードは推測されやすいです。",
        "よくある名前や名字は推測されやすいです。",
        "名前の後に日付や年を付けたパスワードは、攻撃者が真っ先に試す組み合わせです。",
        "ログインID・メールアドレス・氏名・生年月日などご本人の情報が含まれています。",
        "サービス名が含まれています。",
        "証券会社名や金融用語は、証券口座を狙う攻撃者が真っ先に試す言葉です。",
        "キーボードの横一列に並んだキーは推測されやすいです。",
        "短いキーボードのパターンは推測されやすいです。",
        "テンキー・電話・携帯電話のキー配列（adgjmptw など）のパターンは推測されやすいです。",
        "「aaa」のような同じ文字の繰り返しは推測されやすいです。",
        "「abcabcabc」のような繰り返しは、一回分より少し推測しにくい程度です。",
        "「abc」や「6543」のような連続した文字は推測されやすいです。",
        "最近の年は推測されやすいです。",
        "日付は推測されやすいことが多いです。",
        "H05 や S600412 のような和暦の年や誕生日は推測されやすいです。",
        "電話番号は、あなたを知る人には簡単に推測されます。",
        "入力モードを切り替えて打った単語（かな入力のキーや、かなモードで打ったローマ字）は、元の単語と同じくらい推測されやすいです。",
        "名前と電話番号の組み合わせは、あなたを知る人が真っ先に試すものです。",
    ];

    private static readonly string[] SuggestionsEn =
    [
        "Use a few words together, and avoid common phrases.",
        "There is no need for symbols, digits or upper-case letters; length matters more.",
        "Add another word or two. Uncommon words are better.",
        "Use a longer keyboard pattern with more turns, or better, avoid keyboard patterns.",
        "Avoid repeated words and characters.",
        "Avoid sequences.",
        "Avoid recent years.",
        "Avoid years that are associated with you.",
        "Avoid dates and years that are associated with you, including era years such as H05 or R7.",
        "Avoid names, and especially names combined with birthdays.",
        "Do not use your login ID, e-mail address, name or birthday.",
        "Do not use the name of the service, your broker or finance words.",
        "Do not use telephone numbers.",
        "Capitalization does not help very much.",
        "All-upper-case is almost as easy to guess as all-lower-case.",
        "Reversed words are not much harder to guess.",
        "Predictable substitutions like \"@\" instead of \"a\" do not help very much.",
        "Full-width characters are judged as their half-width forms; typing them does not make the password stronger.",
        "Do not reuse a password you use on another site.",
        "Typing a word with the keyboard in another input mode does not hide it; attackers try kana-key and romaji forms too.",
        "Other romaji spellings (tu/tsu, si/shi, nn, ou/oo/oh) do not hide a word; attackers try them too.",
    ];

    private static readonly string[] SuggestionsJa =
    [
        "いくつかの単語を組み合わせ、よくある言い回しは避けてください。",
        "記号・数字・大文字を入れる必要はありません。長さの方が重要です。",
        "単語をもう一つか二つ足してください。珍しい単語ほど効果的です。",
        "キーボードのパターンは避けるか、曲がり角の多い長いパターンにしてください。",
        "単語や文字の繰り返しは避けてください。",
        "連続した文字や数字は避けてください。",
        "最近の年は避けてください。",
        "ご自身に関係のある年は避けてください。",
        "H05 や R7 のような和暦を含め、ご自身に関係のある日付や年は避けてください。",
        "名前、特に名前と誕生日の組み合わせは避けてください。",
        "ログインID・メールアドレス・氏名・生年月日は使わないでください。",
        "サービス名・証券会社名・金融用語は使わないでください。",
        "電話番号は使わないでください。",
        "大文字にしてもあまり強くなりません。",
        "すべて大文字にしても、すべて小文字の場合とほとんど変わりません。",
        "単語を逆さまにしても、推測の難しさはほとんど変わりません。",
        "「a」の代わりに「@」のような予測しやすい置き換えは、あまり効果がありません。",
        "全角文字は半角文字と同じものとして判定しています。全角で入力しても強くはなりません。",
        "他のサイトで使っているパスワードを使い回さないでください。",
        "入力モードを変えて打っても単語は隠れません。攻撃者はかな入力のキーやローマ字の形も試します。",
        "ローマ字の別の綴り（tu/tsu、si/shi、nn、ou/oo/oh）にしても単語は隠れません。攻撃者はそれらも試します。",
    ];

    /// <summary>The text of a warning; empty for <see cref="PasswordWarning.None"/>.</summary>
    /// <param name="warning">The warning code.</param>
    /// <param name="culture">The culture; <see cref="CultureInfo.CurrentUICulture"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a defined <see cref="PasswordWarning"/>.</exception>
    public static string Get(PasswordWarning warning, CultureInfo? culture = null)
    {
        var table = TextLanguage.IsJapanese(culture) ? WarningsJa : WarningsEn;
        var index = (int)warning;
        if ((uint)index >= (uint)table.Length) throw new ArgumentOutOfRangeException(nameof(warning), warning, "Unknown password warning code.");
        return table[index];
    }

    /// <summary>The text of a suggestion.</summary>
    /// <param name="suggestion">The suggestion code.</param>
    /// <param name="culture">The culture; <see cref="CultureInfo.CurrentUICulture"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a defined <see cref="PasswordSuggestion"/>.</exception>
    public static string Get(PasswordSuggestion suggestion, CultureInfo? culture = null)
    {
        var table = TextLanguage.IsJapanese(culture) ? SuggestionsJa : SuggestionsEn;
        var index = (int)suggestion;
        if ((uint)index >= (uint)table.Length) throw new ArgumentOutOfRangeException(nameof(suggestion), suggestion, "Unknown password suggestion code.");
        return table[index];
    }
}
