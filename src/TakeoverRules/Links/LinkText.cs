namespace TakeoverRules.Links;

/// <summary>The Japanese and English texts of verdict advice and reasons.</summary>
internal static class LinkText
{
    private static readonly BilingualText OfficialAdvice = new(
        "証券会社の公式ドメインです。それでもメールやSMSのリンクからはログインせず、ブックマークか公式アプリから開いてください。",
        "This is the broker's official domain. Even so, do not log in from a link in a mail or SMS: open the broker from your bookmark or the official app.");

    private static readonly BilingualText RelatedAdvice = new(
        "証券会社と同じグループ名を含むドメインですが、証券会社の公式ログイン先ではありません。ログインはブックマークか公式アプリから行ってください。",
        "This domain shares the broker's group name but is not the broker's official login site. Log in only from your bookmark or the official app.");

    private static readonly BilingualText LookalikeAdvice = new(
        "証券会社の公式サイトを装った偽サイトの可能性が高いリンクです。開かず、ID・パスワード・取引暗証番号を入力しないでください。ブックマークか公式アプリから開いてください。入力してしまった場合は、すぐに証券会社へ連絡してください。",
        "This link likely imitates the broker's official site (phishing). Do not open it or enter your ID, password or trading PIN. Open the broker from your bookmark or the official app; if you already entered them, contact the broker at once.");

    private static readonly BilingualText UnrelatedAdvice = new(
        "既知の証券会社のドメインではありません。証券口座のID・パスワードを入力しないでください。",
        "This is not a domain of a known broker. Do not enter your brokerage ID or password here.");

    private static readonly BilingualText UnknownAdvice = new(
        "このリンクが安全か判断できません。開かず、証券会社へはブックマークか公式アプリからアクセスしてください。",
        "The check cannot tell whether this link is safe. Do not open it; reach the broker from your bookmark or the official app.");

    public static BilingualText Advice(LinkVerdict verdict) => verdict switch
    {
        LinkVerdict.Official => OfficialAdvice,
        LinkVerdict.Related => RelatedAdvice,
        LinkVerdict.Lookalike => LookalikeAdvice,
        LinkVerdict.Unrelated => UnrelatedAdvice,
        _ => UnknownAdvice,
    };

    public static BilingualText Reason(LinkReasons reason) => reason switch
    {
        LinkReasons.OfficialDomain => new("事実データで確認済みの公式ドメインです。", "The domain is confirmed as official in the sourced facts."),
        LinkReasons.UnconfirmedDomain => new("この証券会社のドメインとして挙げられていますが、出典で公式と確認されていません。", "The domain is listed for the broker but the sources do not confirm it as official."),
        LinkReasons.SharesGroupName => new("証券会社のグループ名を含みますが、公式ドメインとは別のドメインです。", "The domain carries the broker's group name but is not its official domain."),
        LinkReasons.BrandInSubdomain => new("公式ドメインや社名が、別のドメインのサブドメインや@の前に隠されています。", "The broker's domain or name is hidden in a subdomain of another domain or before an @."),
        LinkReasons.BrandWithWords => new("社名に「login」「security」などの語を付け足したドメインです。", "The broker's name with words such as \"login\" or \"security\" added."),
        LinkReasons.SuffixSwap => new("社名は同じですが、末尾(.co.jp など)が公式と違います。", "The same name under a different ending (.com instead of .co.jp, for example)."),
        LinkReasons.TypoSquat => new("公式ドメインと1〜2文字だけ違う(文字の追加・欠落・入れ替え・ハイフン)ドメインです。", "The name differs from the official one by a character or two (added, missing, swapped, replaced, or hyphens)."),
        LinkReasons.Homoglyph => new("形の似た文字(rn→m、0→o、1→l など)で公式ドメインに見せかけています。", "Look-alike characters (rn for m, 0 for o, 1 for l) imitate the official name."),
        LinkReasons.Homograph => new("見た目が同じ別の文字(キリル文字など)で公式ドメインに見せかけています。", "Characters from another alphabet (Cyrillic, for example) that look the same imitate the official name."),
        LinkReasons.MixedScripts => new("1つのラベルに異なる文字体系(ラテン文字とキリル文字など)が混在しています。", "One label mixes alphabets (Latin with Cyrillic, for example)."),
        LinkReasons.InternationalizedName => new("国際化ドメイン名(xn--)です。", "The host is an internationalised domain name (xn--)."),
        LinkReasons.UserInfo => new("アドレスに@があり、その前の部分はホストではありません(実際の接続先は@の後ろです)。", "The address has an @: what comes before it is not the host; the site is what follows it."),
        LinkReasons.IpAddress => new("ドメイン名ではなくIPアドレスです。証券会社がメールでIPアドレスのリンクを送ることは通常ありません。", "The host is an IP address, not a name; brokers do not normally send links to IP addresses."),
        LinkReasons.EncodedHost => new("ホスト名が符号化や全角文字など見慣れない形で書かれています。", "The host is written in an encoded or unusual form (percent-encoding, full-width characters, numeric IP)."),
        LinkReasons.InsecureLogin => new("ログインページなのにhttps(暗号化)ではなくhttpです。", "A login or account page over plain http instead of https."),
        LinkReasons.NotAWebAddress => new("Webアドレスとして読めません。", "This is not a web address the check can read."),
        LinkReasons.NoRegistrableDomain => new("登録可能なドメインがありません(公開サフィックスのみ、または単一の名前)。", "There is no registrable domain (only a public suffix or a single name)."),
        LinkReasons.TooLong => new("長すぎるため読み取っていません。", "Too long; not read."),
        LinkReasons.NoLinkFound => new("リンクが見つかりません。", "No link found."),
        _ => new("理由なし", "No reason"),
    };
}
