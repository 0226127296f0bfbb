using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>The catalogue of response steps: what each says, and which follow from an <see cref="IncidentContext"/>.</summary>
internal static class ResponseSteps
{
    public const string ContactBroker = "contact-broker";
    public const string CheckWithdrawalAccount = "check-withdrawal-account";
    public const string SecureLogin = "secure-login";
    public const string PreserveEvidence = "preserve-evidence";
    public const string ReportPolice = "report-police";
    public const string ChangeReusedPasswords = "change-reused-passwords";
    public const string SwitchToPasskey = "switch-to-passkey";
    public const string CompensationOutlook = "compensation-outlook";
    public const string ConsultAdr = "consult-finmac";
    public const string ConsultConsumerHotline = "consult-consumer-hotline";
    public const string ConsultLawyer = "consult-lawyer";

    public static readonly EvidenceItem CallLog = new("call-log", new(
        "連絡の記録: 日時、相手の部署・氏名、話した内容、受付番号があればその番号。すべての電話について残す。",
        "A log of every call: date and time, the department and name of the person, what was said, and any reference number."),
        Required: true, RecordsValue: false);

    public static readonly EvidenceItem TradeScreenshots = new("screenshots-unauthorized-trades", new(
        "身に覚えのない約定・注文・保有銘柄の画面のスクリーンショット(日時が分かるように)。",
        "Screenshots of the unauthorized executions, orders and holdings, with their dates and times visible."),
        Required: true, RecordsValue: false);

    public static readonly EvidenceItem TradeHistoryExport = new("trade-history-export", new(
        "取引履歴・入出金履歴のダウンロード(CSVやPDF)。不正取引の前後を含める。",
        "An export (CSV or PDF) of the trade and cash-movement history, covering the days before and after the unauthorized trades."),
        Required: true, RecordsValue: false);

    public static readonly EvidenceItem PhishingMessages = new("phishing-messages-with-headers", new(
        "怪しいメール・SMSを削除せずに保存する。メールはヘッダー(送信元の情報)ごと、SMSは送信元番号と日時が分かる画面で。",
        "The suspicious e-mails and SMS, not deleted: e-mails with their full headers, SMS with the sender and time visible."),
        Required: false, RecordsValue: false);

    public static readonly EvidenceItem RegisteredDetails = new("registered-details-screenshot", new(
        "登録情報(出金先口座、メールアドレス、電話番号)と出金履歴の画面のスクリーンショット。",
        "Screenshots of the registered details (withdrawal bank account, e-mail, phone number) and the withdrawal history."),
        Required: true, RecordsValue: false);

    public static readonly EvidenceItem PoliceReceiptNumber = new("police-receipt-number", new(
        "警察の受理番号と、相談した警察署・担当者名・日時。",
        "The police receipt (reference) number, and the station, officer and date of the report."),
        Required: true, RecordsValue: true);

    public static readonly EvidenceItem BrokerAnswer = new("broker-compensation-answer", new(
        "補償についての証券会社からの書面・メール・郵送の通知。",
        "The broker's written answer, e-mail or letter about compensation."),
        Required: false, RecordsValue: false);

    public static readonly EvidenceItem AdrReference = new("adr-reference", new(
        "相談・あっせん申立ての受付日と受付番号。",
        "The date and reference number of the consultation or mediation request."),
        Required: false, RecordsValue: true);

    // The facts each step's purpose rests on (ids in the facts registry); contact facts are added from the step's contacts.
    private static readonly Dictionary<string, string[]> StepFacts = new(StringComparer.Ordinal)
    {
        [ContactBroker] = ["contacts.broker-mufg-esmart-damage"],
        [CheckWithdrawalAccount] = ["jsda.guideline.phishing-resistant-mfa"],
        [SecureLogin] = ["contacts.broker-mufg-esmart-damage"],
        [PreserveEvidence] = ["agreement.case-by-case-factors"],
        [ReportPolice] = ["contacts.broker-mufg-esmart-damage", "statement.asahi-ratio-factors"],
        [SwitchToPasskey] = ["jsda.guideline.phishing-resistant-mfa", "jsda.guideline.final"],
        [CompensationOutlook] = ["agreement.compensation-regardless-of-terms", "agreement.case-by-case-factors", "statement.asahi-ratio-factors"],
        [ConsultAdr] = [],
        [ConsultConsumerHotline] = [],
        [ChangeReusedPasswords] = [],
        [ConsultLawyer] = ["agreement.case-by-case-factors", "statement.terms-disclaimer"],
    };

    private static readonly BilingualText NeverFromMessages = new(
        "メールやSMSに書かれた電話番号やリンクは使わないでください。",
        "Never use a phone number or link from an e-mail or SMS.");

    public static IEnumerable<ResponseStep> For(
        IncidentContext context, Broker? broker, IReadOnlyList<CompensationPolicy> policies, Func<ContactKind, string?, IReadOnlyList<ContactPoint>> contacts)
    {
        var brokerName = broker?.Name ?? new BilingualText("証券会社", "the broker");
        var withdrawalConcern = context.WithdrawalSeen || context.WithdrawalAccountChangeSeen;

        yield return ContactBrokerStep(context, broker, brokerName, contacts(ContactKind.Broker, broker?.Id));
        yield return CheckWithdrawalStep(brokerName, withdrawalConcern);
        yield return Step(SecureLogin, Urgency.Now,
            new("ログインパスワードと取引暗証番号を変更", "Change the login password and trading PIN"),
            new($"{brokerName.Ja}の公式アプリかブックマークからログインし(証券会社の指示がある場合はそれに従う)、ログインパスワードと取引暗証番号を、他で使っていない新しいものに変える。登録メールアドレスや多要素認証の設定も確認する。",
                $"Log in to {brokerName.En} from the official app or your bookmark (or follow the broker's instructions) and change the login password and trading PIN to new ones used nowhere else. Check the registered e-mail and the multi-factor settings too."),
            new("盗まれた認証情報での再ログインを防ぐ。被害を検知した証券会社がパスワード変更と認証用メールアドレスの登録を求めた例がある(三菱UFJeスマート証券、2025年4月22日)。",
                "Stops another login with the stolen credentials. A broker that detected fraud asked customers to change their passwords and register an authentication e-mail (Mitsubishi UFJ eSmart Securities, 2025-04-22)."),
            [], null, [],
            new("新しいパスワードと暗証番号でログインでき、古いものでは入れない。", "You can log in with the new password and PIN, and the old ones no longer work."));
        yield return Step(PreserveEvidence, Urgency.Today,
            new("証拠を保存", "Keep the evidence"),
            new("不正取引の画面のスクリーンショット、取引履歴のダウンロード、怪しいメール・SMS(ヘッダーごと)を保存し、すべての連絡を記録する。端末の外(印刷やクラウド以外の媒体)にも控えを残す。",
                "Take screenshots of the unauthorized trades, export the trade history, keep the suspicious e-mails and SMS with their headers, and log every call. Keep a copy off the device as well (a printout or separate storage)."),
            new("証券会社・警察・金融ADRへの説明と補償の判断に使われる。画面や履歴は後から見られなくなることがある。",
                "The broker, the police and the ADR body need them, and compensation is decided case by case; screens and histories may not stay available."),
            [], null, [TradeScreenshots, TradeHistoryExport, PhishingMessages, CallLog],
            new("上の資料が手元と端末の外の両方に保存されている。", "Every item above is saved, on the device and off it."));
        yield return ReportPoliceStep(contacts);
        if (context.PasswordReusedElsewhere != false)
        {
            yield return Step(ChangeReusedPasswords, Urgency.Today,
                new("使い回したパスワードを変更", "Change reused passwords"),
                new(context.PasswordReusedElsewhere == true
                        ? "同じパスワードを使っている他のサービス(メール、銀行、ネット通販など)すべてで、それぞれ別の新しいパスワードに変える。メールアカウントを最優先に。"
                        : "同じパスワードを他で使っていないか確認し、使っていればそのサービスすべてで、それぞれ別の新しいパスワードに変える。メールアカウントを最優先に。",
                    context.PasswordReusedElsewhere == true
                        ? "Change the password on every other service that used the same one (e-mail, banks, shopping), each to a different new password; the e-mail account first."
                        : "Check whether the same password is used elsewhere; if so, change it on each of those services to a different new password, the e-mail account first."),
                new("流出したパスワードは他のサービスへのログインにも試される。メールを乗っ取られると、証券会社からの通知やパスワード再設定も奪われる。",
                    "A leaked password is tried on other services too; a taken-over mailbox also captures the broker's notices and password resets."),
                [], null, [],
                new("同じパスワードを使っているサービスが一つもない。", "No two services share a password any more."));
        }

        yield return Step(SwitchToPasskey, Urgency.WithinDays,
            new("フィッシングに強い認証(パスキー)へ切り替え", "Switch to phishing-resistant MFA (passkeys)"),
            new($"{brokerName.Ja}がパスキーを提供していれば設定し、提供していなければ今ある多要素認証を有効にして、パスキー導入の予定を確認する。ログイン・取引・出金の通知もオンにする。",
                $"If {brokerName.En} offers passkeys, set one up; if not, switch on the multi-factor authentication it has and ask when passkeys come. Switch on notices of logins, trades and withdrawals too."),
            new("日本証券業協会の改正ガイドライン(2025年10月15日施行)は、ログイン・出金・出金先口座の変更にパスキー等のフィッシングに強い多要素認証を求めている。SMSのコードは偽サイトに中継されうる。",
                "The revised JSDA guideline (in force 2025-10-15) calls for phishing-resistant MFA such as passkeys at login, withdrawal and withdrawal-account changes; SMS codes can be relayed by a fake site."),
            [], null, [],
            new("ログインにパスキー(なければ利用できる多要素認証)が必要になっている。", "Logging in requires a passkey (or, until the broker offers one, its multi-factor authentication)."));
        var policy = policies.Count > 0 ? policies[0] : null;
        yield return Step(CompensationOutlook, Urgency.WithinDays,
            new("補償の見通しを確認", "Check the compensation outlook"),
            new($"{brokerName.Ja}に補償の対象・方法・必要書類を確認する。日本証券業協会と10社は2025年5月2日、約款にかかわらず個別の事情に応じて一定の補償を行うと申し合わせ、その後各社が方針を出している。"
                    + (policy is null ? "" : $"把握している最新の方針({policy.AsOf}): {policy.Title.Ja}。")
                    + "金額の目安はライブラリの CompensationOutlook で、売却・買付額と現在価値から計算できる。",
                $"Ask {brokerName.En} what is covered, how it is calculated and which documents it needs. On 2025-05-02 ten firms agreed with the JSDA to pay a certain compensation regardless of their terms, case by case, and each has published a policy since. "
                    + (policy is null ? "" : $"Latest known policy ({policy.AsOf}): {policy.Title.En}. ")
                    + "The library's CompensationOutlook estimates a range from the amounts sold, bought and the current value."),
            new("補償は各社の方針と個別の事情で決まり、IDやパスワードの管理状況や通報の早さが考慮されうると報じられている。",
                "Compensation follows each broker's policy and the circumstances; reports say the handling of the ID and password and how fast the victim reported may be considered."),
            [], null, [BrokerAnswer],
            new("証券会社から補償の方針と手続きの説明を受け、必要書類を出した。", "The broker has explained its policy and procedure, and you have sent the documents it asked for."));
        yield return Step(ConsultAdr, Urgency.WithinDays,
            new("証券会社の対応に納得できなければ金融ADRへ", "If the broker's answer is unsatisfactory, go to financial ADR"),
            new("証券会社の説明や補償に納得できない場合は、証券・金融商品あっせん相談センター(FINMAC)に相談し、必要ならあっせん(弁護士による仲介)を申し立てる。金融庁の金融サービス利用者相談室にも相談できる。",
                "If you disagree with the broker's explanation or offer, consult FINMAC, the securities ADR body, and if needed ask for mediation (あっせん) by its lawyer mediators. The FSA's consultation desk also takes calls."),
            new("FINMACは金融庁と法務省の指定・認証を受けた金融ADR機関で、あっせんはおおむね4か月以内の解決を目指している。",
                "FINMAC is a financial ADR body designated and certified by the FSA and the Ministry of Justice; it aims to settle a mediation within about four months."),
            [.. contacts(ContactKind.FinancialAdr, null), .. contacts(ContactKind.Regulator, null)], null, [AdrReference],
            new("相談の受付日と受付番号を記録した(または証券会社の対応に納得した)。", "You have the date and reference of the consultation (or you accept the broker's answer)."));
        yield return Step(ConsultConsumerHotline, Urgency.WithinDays,
            new("消費者ホットライン188に相談", "Call the consumer hotline 188"),
            new("どこに相談すればよいか分からない、手続きに不安がある場合は、消費者ホットライン188(いやや)に電話し、郵便番号を入れて最寄りの消費生活センターにつないでもらう。",
                "If you are unsure where to turn or how to proceed, call the consumer hotline 188 and enter your postcode to reach your local consumer affairs centre."),
            new("地元の消費生活センターが、状況に合った相談先や手続きを案内する。",
                "The local consumer affairs centre advises on where to go and what to do for your situation."),
            contacts(ContactKind.ConsumerHotline, null), null, [],
            new("消費生活センターに相談し、案内された次の連絡先を記録した。", "You have talked to a consumer affairs centre and noted where it sent you."));
        if (context.LargeLoss != false)
        {
            yield return Step(ConsultLawyer, Urgency.WithinDays,
                new("損失が大きければ弁護士に相談", "For a large loss, consult a lawyer"),
                new("損失が大きい場合や証券会社と主張が対立する場合は、弁護士に相談する。記録した証拠と連絡の記録、証券会社からの書面を持参する。",
                    "If the loss is large or you and the broker disagree, consult a lawyer. Bring the evidence, the call log and the broker's letters."),
                new("補償は個別判断で、約款や管理状況の評価が争点になりうる。",
                    "Compensation is decided case by case; the broker's terms and how the credentials were handled may be disputed."),
                [], new("弁護士は、お住まいの地域の弁護士会の公式サイトなど、自分で調べた公式の窓口から探してください。「被害を取り戻せる」と勧誘してくる連絡には応じないでください。",
                    "Find a lawyer through an official channel you look up yourself, such as your local bar association's official site. Do not answer unsolicited offers to recover your losses."),
                [], new("弁護士に相談し、方針を決めた。", "You have consulted a lawyer and decided how to proceed."));
        }
    }

    private static ResponseStep ContactBrokerStep(IncidentContext context, Broker? broker, BilingualText name, IReadOnlyList<ContactPoint> brokerContacts)
    {
        var restricted = context.TradingStillPossible == false;
        BilingualText action = (context.NoticedBy, restricted) switch
        {
            (NoticedBy.Broker, _) => new(
                $"{name.Ja}から連絡や取引制限の通知があった場合は、その連絡に返信せず、公式サイト・公式アプリに載っている窓口へ自分からかけ直して、制限の内容を確認し、身に覚えのない取引を申告する。",
                $"If {name.En} contacted you or restricted the account, do not reply to that message: call back on the desk listed on the official site or app, confirm the restriction and report the trades you did not make."),
            (_, true) => new(
                $"{name.Ja}の不正アクセス窓口(サポート窓口)に連絡し、取引・出金が止まっていることを確認して、身に覚えのない取引を申告する。",
                $"Call {name.En}'s unauthorized-access or support desk, confirm that trading and withdrawals are stopped, and report the trades you did not make."),
            _ => new(
                $"すぐに{name.Ja}の不正アクセス窓口(サポート窓口)に連絡し、口座の凍結(取引と出金の停止)を依頼して、身に覚えのない取引を申告する。自動音声で口座をロックできる窓口があれば先に使う。",
                $"Call {name.En}'s unauthorized-access or support desk at once, ask them to freeze the account (stop trading and withdrawals) and report the trades you did not make. If it offers an automated line that locks the account, use it first."),
        };
        var domains = broker?.Domains.Where(d => d.Confirmed).Select(d => d.Name).ToList() ?? [];
        var where = domains.Count > 0 ? string.Join(", ", domains) : null;
        var find = new BilingualText(
            (where is null ? "証券会社の公式サイトを自分のブックマークから開くか、公式アプリを使い、" : $"公式サイト({where})を自分のブックマークから開くか、公式アプリを使い、")
                + "「お問い合わせ」「不正アクセス」などのページに載っている番号にかける。" + NeverFromMessages.Ja,
            (where is null ? "Open the broker's official site from your own bookmark, or use its official app," : $"Open the official site ({where}) from your own bookmark, or use the official app,")
                + " and call the number on its contact or unauthorized-access page. " + NeverFromMessages.En);
        return Step(ContactBroker, Urgency.Now,
            new("証券会社に連絡して口座を止める", "Call the broker and stop the account"),
            action,
            new("取引と出金を止めて被害の拡大を防ぐ。報道された事例では全売却から買付まで約1時間で行われた。被害を検知した証券会社は取引と出金を停止している(三菱UFJeスマート証券、2025年4月22日)。",
                "Stopping trading and withdrawals limits the damage: in a reported case every holding was sold and new stocks bought within about an hour. Brokers that detected fraud suspended trading and withdrawals (Mitsubishi UFJ eSmart Securities, 2025-04-22)."),
            brokerContacts, find, [CallLog],
            new("証券会社が取引と出金の停止を確認し、日時・担当者・内容を記録した。", "The broker has confirmed that trading and withdrawals are stopped, and you have logged the date, person and content of the call."));
    }

    private static ResponseStep CheckWithdrawalStep(BilingualText name, bool concern) =>
        Step(CheckWithdrawalAccount, concern ? Urgency.Now : Urgency.Today,
            new("出金先口座と登録情報の変更を確認", "Check the withdrawal account and registered details"),
            concern
                ? new($"出金や出金先口座の変更が見えているため、{name.Ja}に出金の停止と、出金先口座・メールアドレス・電話番号を元に戻すよう依頼し、出金の日時と金額を伝える。",
                    $"A withdrawal or a change of the withdrawal account was seen: ask {name.En} to stop withdrawals and restore the withdrawal account, e-mail and phone number, and give the dates and amounts of the withdrawals.")
                : new("出金先口座・メールアドレス・電話番号・通知設定が変えられていないか、出金履歴に身に覚えのないものがないかを確認する。変わっていれば証券会社にすぐ伝える。",
                    "Check that the withdrawal bank account, e-mail, phone number and notification settings are unchanged and that the withdrawal history has nothing you did not do; tell the broker at once if anything changed."),
            new("出金先口座の変更は資金を持ち出す前段階になりうるため、改正ガイドラインはこの操作にもフィッシングに強い多要素認証を求めている。メールや電話番号が変えられると通知が届かなくなる。",
                "A changed withdrawal account can precede taking money out, which is why the revised JSDA guideline requires phishing-resistant MFA for it; a changed e-mail or phone number diverts the notices."),
            [], null, [RegisteredDetails, CallLog],
            new("出金先口座・メール・電話番号が自分のものであることを証券会社と確認した。", "You and the broker have confirmed that the withdrawal account, e-mail and phone number are yours."));

    private static ResponseStep ReportPoliceStep(Func<ContactKind, string?, IReadOnlyList<ContactPoint>> contacts) =>
        Step(ReportPolice, Urgency.Today,
            new("警察に相談・被害を届け出て受理番号をもらう", "Report to the police and get the receipt number"),
            new("警察相談専用電話 #9110 か、都道府県警察のサイバー犯罪相談窓口に相談し、被害を届け出て受理番号を控える。緊急の場合は110番。受理されなかった場合は、日時・警察署・担当者名と理由を記録し、証券会社に伝える。",
                "Consult the police on #9110 or at your prefectural police's cyber-crime desk, file a report and write down the receipt number. In an emergency call 110. If the report is not accepted, write down the date, station, officer and the reason given, and tell the broker."),
            new("証券会社は警察への被害届出を求めており(三菱UFJeスマート証券、松井証券)、補償の判断で通報の早さが考慮されうると報じられている。「被害者は証券会社」として受理されなかった例も報じられている。",
                "Brokers ask customers to report to the police (Mitsubishi UFJ eSmart Securities, Matsui), and reports say how fast the victim reported may count for compensation. One victim's report was refused because \"the victim is the broker\"."),
            [.. contacts(ContactKind.PoliceConsultation, null), .. contacts(ContactKind.CyberCrimeDesk, null), .. contacts(ContactKind.PoliceEmergency, null)],
            null, [PoliceReceiptNumber, CallLog],
            new("受理番号を控えた(または受理されなかった経緯を記録した)。", "You have the receipt number (or a record of why the report was not accepted)."));

    private static ResponseStep Step(
        string id, Urgency urgency, BilingualText title, BilingualText action, BilingualText purpose,
        IReadOnlyList<ContactPoint> contacts, BilingualText? find, IReadOnlyList<EvidenceItem> evidence, BilingualText doneWhen) =>
        new()
        {
            Id = id,
            Order = 0,
            Urgency = urgency,
            Title = title,
            Action = action,
            Purpose = purpose,
            Contacts = contacts,
            FindContactSafely = find,
            Evidence = evidence,
            DoneWhen = doneWhen,
            FactIds = [.. StepFacts[id], .. contacts.Select(c => "contacts." + c.Id).Where(f => !StepFacts[id].Contains(f))],
        };
}
