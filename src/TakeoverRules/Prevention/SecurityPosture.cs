using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Prevention;

/// <summary>
/// Where a customer stands before an incident: a score per factor (0–4), an overall score (0–100), the actions
/// that raise it most first, and a radar chart. Built by <see cref="Assess(SecurityPostureInput)"/>.
/// </summary>
/// <remarks>
/// The weights are a judgement, not a sourced fact: the 2025 wave ran on phished credentials, so the kind of MFA
/// (30) outweighs everything else; the login route, password reuse and password strength follow (15 each), then
/// notifications and the trading PIN (10 each) and account checks (5). Immutable; thread-safe.
/// </remarks>
public sealed record SecurityPosture
{
    // Internal so that tests can render a posture whose texts are not the built-in ones.
    internal SecurityPosture(IReadOnlyList<PostureFactorScore> factors, int overall, IReadOnlyList<PostureAction> nextActions)
    {
        Factors = factors;
        Overall = overall;
        NextActions = nextActions;
    }

    /// <summary>The applicable factors, in <see cref="PostureFactor"/> order (the trading PIN is absent when the broker uses none).</summary>
    public IReadOnlyList<PostureFactorScore> Factors { get; }

    /// <summary>The weighted overall score, 0–100; 100 means every factor is at its ideal.</summary>
    public int Overall { get; }

    /// <summary>What to do, the most valuable action (largest gain) first; empty when every factor is ideal.</summary>
    public IReadOnlyList<PostureAction> NextActions { get; }

    /// <summary>Assesses the answers in <paramref name="input"/>.</summary>
    /// <param name="input">The customer's answers.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range; the message names the field and the value.</exception>
    public static SecurityPosture Assess(SecurityPostureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);

        var rated = new List<(PostureFactorScore Score, PostureAction? Action)>(7)
        {
            RateMfa(input.Mfa),
            RatePasswordStrength(input.PasswordScore),
            RateReuse(input.PasswordReuse),
            RateNotifications(input.Notifications),
            RateAccess(input.Access),
            RateChecks(input.AccountChecks),
        };
        if (input.TradingPin != TradingPinStrength.NotUsedByBroker)
        {
            rated.Add(RatePin(input.TradingPin));
        }

        var totalWeight = rated.Sum(r => r.Score.Weight);
        var weighted = rated.Sum(r => (double)r.Score.Weight * r.Score.Score / PostureFactorScore.MaxScore);
        var overall = (int)Math.Round(100 * weighted / totalWeight, MidpointRounding.AwayFromZero);

        var actions = rated
            .Where(r => r.Action is not null)
            .Select(r => r.Action! with { Gain = Gain(r.Score, totalWeight) })
            .OrderByDescending(a => a.Gain)
            .ThenBy(a => a.Factor)
            .ToList();
        return new SecurityPosture([.. rated.Select(r => r.Score)], overall, actions);
    }

    /// <summary>
    /// Assesses <paramref name="input"/> with the password strength taken from an estimate of the password
    /// (<see cref="Passwords.PasswordStrength.Estimate"/>); the estimate holds no password text, and neither does the result.
    /// </summary>
    /// <param name="input">The customer's other answers; its <see cref="SecurityPostureInput.PasswordScore"/> is replaced.</param>
    /// <param name="password">The estimate of the login password.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="password"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its range; the message names the field and the value.</exception>
    public static SecurityPosture Assess(SecurityPostureInput input, Passwords.PasswordEstimate password)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(password);
        return Assess(input with { PasswordScore = (int)password.Score });
    }

    /// <summary>Renders the factors as a radar chart (current vs ideal) in self-contained SVG.</summary>
    /// <param name="culture">The culture of the text (<see cref="TextLanguage"/>: Japanese for <c>ja</c>, otherwise English); <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>An SVG document with no external references.</returns>
    public string ToRadarSvg(CultureInfo? culture = null) => PostureRadarChart.Render(this, culture);

    /// <summary>Writes the assessment as plain text: one line per factor, then the actions.</summary>
    /// <param name="culture">The culture of the text (<see cref="TextLanguage"/>: Japanese for <c>ja</c>, otherwise English); <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string ToText(CultureInfo? culture = null) => PostureFormats.Text(this, culture, markdown: false);

    /// <summary>Writes the assessment as Markdown: a table of factors, then the actions.</summary>
    /// <param name="culture">The culture of the text (<see cref="TextLanguage"/>: Japanese for <c>ja</c>, otherwise English); <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string ToMarkdown(CultureInfo? culture = null) => PostureFormats.Text(this, culture, markdown: true);

    /// <summary>Writes the assessment, both languages, as JSON.</summary>
    public string ToJson() => PostureFormats.Json(this);

    private static int Gain(PostureFactorScore score, int totalWeight)
    {
        var points = 100.0 * score.Weight * (PostureFactorScore.MaxScore - score.Score) / PostureFactorScore.MaxScore / totalWeight;
        return Math.Max(1, (int)Math.Round(points, MidpointRounding.AwayFromZero));
    }

    private static void Validate(SecurityPostureInput input)
    {
        if (input.PasswordScore is < 0 or > PostureFactorScore.MaxScore)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.PasswordScore,
                $"SecurityPostureInput.PasswordScore: must be 0 to 4 (was {input.PasswordScore})");
        }

        CheckDefined(input.Mfa, nameof(SecurityPostureInput.Mfa));
        CheckDefined(input.PasswordReuse, nameof(SecurityPostureInput.PasswordReuse));
        CheckDefined(input.Notifications, nameof(SecurityPostureInput.Notifications));
        CheckDefined(input.Access, nameof(SecurityPostureInput.Access));
        CheckDefined(input.AccountChecks, nameof(SecurityPostureInput.AccountChecks));
        CheckDefined(input.TradingPin, nameof(SecurityPostureInput.TradingPin));
    }

    private static void CheckDefined<T>(T value, string field) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(field, value, $"SecurityPostureInput.{field}: not a defined {typeof(T).Name} (was {value})");
        }
    }

    private static (PostureFactorScore, PostureAction?) Rated(
        PostureFactor factor, int score, int weight, BilingualText label, BilingualText finding, BilingualText action, BilingualText why) =>
        (new PostureFactorScore(factor, score, weight, label, finding),
         score < PostureFactorScore.MaxScore ? new PostureAction(factor, action, why, 0) : null);

    private static (PostureFactorScore, PostureAction?) RateMfa(AuthMethod method)
    {
        var (score, finding) = method switch
        {
            AuthMethod.Passkey => (4, new BilingualText("パスキー(フィッシングに強い認証)を使っている。", "You use a passkey, which resists phishing.")),
            AuthMethod.Totp => (2, new BilingualText("認証アプリのワンタイムコードを使っている。偽サイトに入力すれば中継される。", "You use authenticator-app codes; a fake site can relay them.")),
            AuthMethod.Push => (2, new BilingualText("アプリのプッシュ承認を使っている。偽サイト経由のログインも承認させられうる。", "You use push approval; a login through a fake site can still be approved.")),
            AuthMethod.Sms => (1, new BilingualText("SMSのコードを使っている。偽サイトに入力すれば中継される。", "You use SMS codes; a fake site can relay them.")),
            AuthMethod.EmailOtp => (1, new BilingualText("メールのコードを使っている。偽サイトに入力すれば中継される。", "You use e-mailed codes; a fake site can relay them.")),
            _ => (0, new BilingualText("パスワードだけでログインしている。", "You log in with a password alone.")),
        };
        return Rated(PostureFactor.Mfa, score, 30,
            new("多要素認証", "Multi-factor auth"), finding,
            method == AuthMethod.Password
                ? new("パスキーを設定する。まだ提供されていなければ、今ある多要素認証を有効にし、パスキー導入の予定を証券会社に確認する。",
                    "Set up a passkey. If your broker has none yet, switch on the multi-factor authentication it offers now and ask when passkeys come.")
                : new("ログインの認証をパスキーに切り替える。", "Switch your login to a passkey."),
            new("日本証券業協会の改正ガイドライン(2025年10月15日施行)は、ログイン・出金・出金先口座の変更にパスキー等のフィッシングに強い多要素認証を求めている。SMSやアプリのコードは偽サイトにそのまま中継されうる。",
                "The revised JSDA guideline (in force 2025-10-15) calls for phishing-resistant MFA such as passkeys at login, withdrawal and withdrawal-account changes; codes sent by SMS or shown in an app can be relayed by a fake site in real time."));
    }

    private static (PostureFactorScore, PostureAction?) RatePasswordStrength(int score) =>
        Rated(PostureFactor.PasswordStrength, score, 15,
            new("パスワードの強さ", "Password strength"),
            new($"パスワードの強さは5段階中{score}(0〜4)。", $"Your password scores {score} of 4."),
            new("推測されにくい長いパスワードに変える。パスワードだけで守るなら15文字以上、パスワード管理ツールでの生成が確実。",
                "Change to a long password no one could guess: at least 15 characters if it is the only factor; a password manager can generate one."),
            new("NIST SP 800-63B rev. 4 は、パスワードが唯一の要素なら15文字以上を求め、記号の組み合わせ規則よりも長さと流出・頻出パスワードの排除を重視する。",
                "NIST SP 800-63B rev. 4 asks for at least 15 characters when a password is the only factor, and values length and blocking common or breached passwords over composition rules."));

    private static (PostureFactorScore, PostureAction?) RateReuse(PasswordReuse reuse)
    {
        var (score, finding) = reuse switch
        {
            PasswordReuse.Unique => (4, new BilingualText("パスワードはこの口座専用。", "The password is used only for this account.")),
            PasswordReuse.NotSure => (1, new BilingualText("他で使い回しているか分からない。", "You are not sure whether the password is used elsewhere.")),
            _ => (0, new BilingualText("同じパスワードを他のサービスでも使っている。", "The same password is used for other services.")),
        };
        return Rated(PostureFactor.PasswordReuse, score, 15,
            new("使い回しなし", "No password reuse"), finding,
            new("証券口座には他で使っていないパスワードを設定し、同じパスワードを使っていた他のサービスも変更する。",
                "Give the securities account a password used nowhere else, and change it on every service that shared it."),
            new("他のサービスから流出したパスワードは、そのまま別のサービスへのログインに試される(パスワードリスト攻撃)。",
                "Passwords leaked from one service are tried against others as they are (credential stuffing)."));
    }

    private static (PostureFactorScore, PostureAction?) RateNotifications(NotificationCoverage coverage)
    {
        var (score, finding) = coverage switch
        {
            NotificationCoverage.LoginsTradesAndWithdrawals => (4, new BilingualText("ログイン・取引・出金の通知を受け取っている。", "You get notices of logins, trades and withdrawals.")),
            NotificationCoverage.LoginsOnly => (2, new BilingualText("ログインの通知だけを受け取っている。", "You get notices of logins only.")),
            _ => (0, new BilingualText("通知を受け取っていない。", "You get no notices.")),
        };
        return Rated(PostureFactor.Notifications, score, 10,
            new("通知", "Notifications"), finding,
            new("ログイン・取引・出金の通知をすべてオンにし、身に覚えのない通知が来たらすぐ確認する。",
                "Switch on notices of logins, trades and withdrawals, and act at once on any you did not expect."),
            new("改正ガイドラインはログイン通知の強化と、顧客が行っていないログイン・取引・出金のメール等での通知を求めている。身に覚えのない通知が最初の手がかりになる。",
                "The revised guideline strengthens login notifications and notices of logins, trades and withdrawals the customer did not make; an unexpected notice is often the first sign."));
    }

    private static (PostureFactorScore, PostureAction?) RateAccess(AccessRoute route)
    {
        var (score, finding) = route switch
        {
            AccessRoute.BookmarkOrOfficialApp => (4, new BilingualText("ブックマークか公式アプリからログインしている。", "You log in from a bookmark or the official app.")),
            AccessRoute.SearchResults => (2, new BilingualText("検索結果からログインページに入っている。", "You reach the login page from search results.")),
            _ => (0, new BilingualText("メールやSMSのリンクからログインしている。", "You log in through links in e-mail or SMS.")),
        };
        return Rated(PostureFactor.AccessRoute, score, 15,
            new("ログインの入口", "Login route"), finding,
            new("公式サイトのアドレスで作ったブックマークか公式アプリからだけログインし、メールやSMSのリンクは開かない。",
                "Log in only from a bookmark of the official address or from the official app; never through a link in an e-mail or SMS."),
            new("SBI証券は2025年4月25日以降メールにログインURLを載せていないとし、金融庁の監督指針案(2025年7月15日)もメール・SMSにログインリンクを載せないことを求めている。リンク付きのメールは偽物を疑う。",
                "SBI says it has put no login URLs in its mail since 2025-04-25, and the FSA's draft supervisory guideline (2025-07-15) asks brokers not to put login links in e-mail or SMS: a message with a login link is suspect."));
    }

    private static (PostureFactorScore, PostureAction?) RateChecks(AccountCheckHabit habit)
    {
        var (score, finding) = habit switch
        {
            AccountCheckHabit.Daily => (4, new BilingualText("口座を毎日確認している。", "You check the account daily.")),
            AccountCheckHabit.Weekly => (3, new BilingualText("口座を週に一度ほど確認している。", "You check the account about weekly.")),
            AccountCheckHabit.Monthly => (1, new BilingualText("口座を月に一度ほど確認している。", "You check the account about monthly.")),
            _ => (0, new BilingualText("口座をほとんど確認していない。", "You rarely check the account.")),
        };
        return Rated(PostureFactor.AccountChecks, score, 5,
            new("口座の確認", "Account checks"), finding,
            new("保有銘柄・取引履歴と、登録メール・電話番号・出金先口座をこまめに確認する。",
                "Check holdings, trade history and the registered e-mail, phone number and withdrawal account often."),
            new("報道された事例では、保有株の全売却から低位株の買付までが約1時間で行われた(テレビ朝日、2025年5月22日)。早く気付くほど被害を止めやすい。",
                "In a reported case every holding was sold and cheap stocks bought within about an hour (TV Asahi, 2025-05-22); the sooner it is noticed, the sooner it can be stopped."));
    }

    private static (PostureFactorScore, PostureAction?) RatePin(TradingPinStrength pin)
    {
        var (score, finding) = pin switch
        {
            TradingPinStrength.Strong => (4, new BilingualText("取引暗証番号は推測されにくい。", "The trading PIN is hard to guess.")),
            TradingPinStrength.Guessable => (1, new BilingualText("取引暗証番号が日付・連番・繰り返しなどで推測されやすい。", "The trading PIN is guessable (a date, sequence or repeat).")),
            _ => (0, new BilingualText("取引暗証番号がログインパスワードと同じか、その一部。", "The trading PIN equals or is part of the login password.")),
        };
        return Rated(PostureFactor.TradingPin, score, 10,
            new("取引暗証番号", "Trading PIN"), finding,
            new("取引暗証番号を、ログインパスワードと無関係で、誕生日・連番・繰り返しでない番号に変える。",
                "Change the trading PIN to one unrelated to the login password and not a birthday, sequence or repeat."),
            new("ログインパスワードが盗まれても、別の推測されにくい暗証番号なら取引の前にもう一段の壁になる。",
                "If the login password is stolen, a separate, unguessable PIN is one more barrier before a trade."));
    }
}
