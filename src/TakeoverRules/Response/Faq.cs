namespace TakeoverRules.Response;

/// <summary>One question victims and support desks ask, with an answer that rests on the facts named by <see cref="FactIds"/>.</summary>
/// <param name="Id">Stable identifier, for example <c>why-hong-kong-stocks</c>.</param>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer, with dates where the facts carry them.</param>
/// <param name="FactIds">Ids of the facts in the facts registry the answer rests on.</param>
/// <param name="StepIds">Ids of response steps the answer points to, if any.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record FaqEntry(string Id, BilingualText Question, BilingualText Answer, IReadOnlyList<string> FactIds, IReadOnlyList<string> StepIds);

/// <summary>The frequently asked questions about the 2025 securities-account takeovers, as data.</summary>
/// <remarks>Thread-safe.</remarks>
public static class Faq
{
    /// <summary>Every entry, in the order a conversation usually reaches them.</summary>
    public static IReadOnlyList<FaqEntry> Entries { get; } =
    [
        new("what-to-do-first",
            new("不正アクセスに気付いたら、まず何をすればよいですか。", "I noticed unauthorized access. What do I do first?"),
            new("まず証券会社の不正アクセス窓口に、公式サイト(ブックマーク)か公式アプリに載っている番号で連絡し、取引と出金を止めてもらいます。被害を検知した証券会社は取引と出金を停止し、パスワード変更と警察への被害届出を求めています。続けて、画面のスクリーンショットと取引履歴を保存し、警察(#9110 または都道府県警察のサイバー犯罪相談窓口、緊急時は110番)に届け出て受理番号を控えます。",
                "First call the broker's unauthorized-access desk on the number shown on its official site (from your bookmark) or app, and have trading and withdrawals stopped. Brokers that detected fraud stopped trading and withdrawals and asked customers to change their passwords and report to the police. Then save screenshots and the trade history, and report to the police (#9110 or the prefectural cyber-crime desk; 110 in an emergency), writing down the receipt number."),
            ["contacts.police-consultation", "contacts.prefectural-cyber-crime-desks", "contacts.police-emergency", "contacts.broker-mufg-esmart-damage"],
            [ResponseSteps.ContactBroker, ResponseSteps.PreserveEvidence, ResponseSteps.ReportPolice]),
        new("why-hong-kong-stocks",
            new("なぜ勝手に香港株(中国株)や小型株が買われたのですか。", "Why were Hong Kong / Chinese stocks or small caps bought in my account?"),
            new("金融庁によれば、多くの場合は口座内の株式などが売却され、その代金で中国株などの国内外の小型株が買い付けられ、買われた株は口座に残ります。お金を引き出すのではなく、被害者の資金で株価をつり上げ、別に持っていた株を高値で売って利益を得る手口(相場操縦)とみられ、2025年11月には不正アクセス禁止法と金融商品取引法(相場操縦)違反の疑いで2人が逮捕されました。金融庁は不正な出金は確認されていないとしています(2025年4月18日時点)。楽天証券やSBI証券は多数の中国株の買付を停止しました。",
                "The FSA says that in most cases the holdings in the account were sold and the proceeds used to buy small caps at home and abroad, such as Chinese stocks, which stay in the account. Instead of withdrawing money, the attackers appear to have used victims' money to push prices up and sold shares they held themselves at the top (market manipulation); in November 2025 two people were arrested on suspicion of violating the Unauthorized Access Act and the FIEA's manipulation ban. The FSA said fraudulent withdrawals had not been confirmed (as of 2025-04-18). Rakuten and SBI stopped buy orders for many Chinese stocks."),
            ["stats.caveat.not-customer-losses", "stats.withdrawals-not-confirmed", "law.arrests-2025-11-28", "law.fiea-159"],
            []),
        new("are-brokers-uniform",
            new("補償は証券会社によって同じですか。", "Is compensation the same at every broker?"),
            new("同じではありません。2025年5月2日に10社が日本証券業協会と、約款にかかわらず個別の事情に応じて一定の補償を行うと申し合わせましたが、中身は各社の方針です。2025年7月25日の報道では、楽天証券とSBI証券は買われた株の損失の原則50%を金銭で補償し手数料を全額返還、見舞金1万円(売却のみの被害は対象外)、松井証券は強制売却の損失も含めて50%、対面の5社は口座を被害前の状態に戻す原状回復です。IDやパスワードの管理状況などで減額・不支給がありうるとする会社もあります。",
                "No. On 2025-05-02 ten firms agreed with the JSDA to pay a certain compensation regardless of their terms, case by case, but the content is each firm's policy. As reported on 2025-07-25, Rakuten and SBI pay in principle 50% of the loss on the stocks bought, refund the fees in full and add a ¥10,000 sympathy payment (sale-only cases excluded); Matsui pays 50% including the loss on forced sales; the five face-to-face brokers restore the account to its pre-fraud state. Some firms say compensation may be reduced or refused depending on how the ID and password were handled."),
            ["agreement.compensation-regardless-of-terms", "agreement.case-by-case-factors", "agreement.firms"],
            [ResponseSteps.CompensationOutlook]),
        new("bank-vs-securities",
            new("銀行の不正送金は補償されるのに、証券口座はなぜ違うのですか。", "Bank fraud gets reimbursed; why is a securities account different?"),
            new("預金者保護法は銀行などの金融機関の偽造・盗難カードによる機械式の払戻しだけが対象で、証券会社は含まれません。インターネットバンキングについては、全国銀行協会が2008年に、利用者に過失がなければ全額補償するとの申し合わせをしています。証券口座にはこうした統一ルールがなく、約款では正しいIDとパスワードでの取引は顧客本人の取引として扱われていました。2025年5月2日の10社申し合わせで、初めて約款にかかわらず一定の補償を行う方針が示されました。金融庁は、第三者の不正アクセスによる取引は金融商品取引法の損失補塡の規制の対象外との見方を示したと報じられています。",
                "The Depositors Protection Act covers only machine withdrawals with forged or stolen cards at banks and similar institutions; securities firms are not included. For internet banking, the Japanese Bankers Association agreed in 2008 to reimburse victims without fault in full. Securities accounts had no such uniform rule, and broker terms treated trades made with the correct ID and password as the customer's own. The ten-firm agreement of 2025-05-02 was the first commitment to pay a certain compensation regardless of the terms. The FSA reportedly took the view that trades by a third party through unauthorized access fall outside the FIEA's ban on compensating losses."),
            ["law.depositors-act.scope", "law.depositors-act.outside", "law.jba-2008.agreement", "statement.terms-disclaimer", "agreement.compensation-regardless-of-terms", "law.fiea-39-fsa-view-2025"],
            []),
    ];

    /// <summary>Returns the entry with <paramref name="id"/>, or null.</summary>
    /// <param name="id">An entry id such as <c>bank-vs-securities</c>.</param>
    public static FaqEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
