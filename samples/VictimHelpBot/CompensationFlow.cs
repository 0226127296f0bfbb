using TakeoverRules;
using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace VictimHelpBot;

/// <summary>
/// "What will I get back?": the broker, the dates and the amounts, then the library's outlook from the broker's
/// published policy — an estimate with its method, the conditions, what is not covered and the sources.
/// </summary>
public sealed class CompensationFlow(Dialog dialog, FactsRegistry facts, BrokerQuestion brokers)
{
    /// <summary>Asks what it needs (the broker only once per conversation) and prints the outlook.</summary>
    public void Run()
    {
        var broker = brokers.Get(required: true)!;
        var incident = dialog.AskDate("不正な取引があった日", "The date of the unauthorized trades");
        var sold = dialog.AskYen("勝手に売られた株の売却代金(円、なければ空欄)", "Proceeds of the holdings sold without you, in yen (empty if none)");
        var bought = dialog.AskYen("勝手に買われた株の買付金額(円、なければ空欄)", "Cost of the stocks bought without you, in yen (empty if none)");
        var current = bought > 0 ? dialog.AskYen("買われた株の今の評価額(円)", "Current value of those stocks, in yen") : 0m;
        var withdrawn = dialog.AskYesNo("お金が出金されましたか?", "Was cash withdrawn?") == true;
        var police = dialog.AskYesNo("警察に被害を届け出ましたか?", "Have you reported it to the police?", allowUnknown: true);

        var @case = new CompensationCase
        {
            BrokerId = broker.Id,
            IncidentDate = incident,
            Actions = (sold > 0 ? TakeoverActions.HoldingsSold : 0) | (bought > 0 ? TakeoverActions.StocksBought : 0) | (withdrawn ? TakeoverActions.CashWithdrawn : 0),
            SaleProceeds = sold,
            PurchaseCost = bought,
            CurrentValueOfPurchases = current,
            PoliceReportFiled = police,
        };
        var problems = @case.Validate();
        if (problems.Count > 0)
        {
            dialog.Say("入力を確認してください:", "Please check what you typed:");
            foreach (var problem in problems) dialog.Say("  - " + problem);
            return;
        }

        Print(new CompensationOutlook(facts).Assess(@case));
    }

    private void Print(CompensationOutlookResult outlook)
    {
        var culture = dialog.Culture;
        dialog.Say("");
        dialog.Say(outlook.Summary);
        if (outlook.Policy is { } policy) dialog.Say(T("方針: ", "Policy: ") + $"{policy.Title.In(culture)} ({policy.AsOf})");
        if (outlook.Estimate is { } estimate)
        {
            var range = estimate.IsPoint ? Dialog.Yen(estimate.Low)
                : estimate.High is { } high ? $"{Dialog.Yen(estimate.Low)} – {Dialog.Yen(high)}"
                : Dialog.Yen(estimate.Low) + T(" 以上", " or more");
            var certainty = estimate.Certainty == EstimateCertainty.InPrinciple ? T("原則", "in principle") : T("個別に判断", "case by case");
            dialog.Say(T("見込み: ", "Outlook: ") + $"{range} ({certainty})");
            foreach (var component in estimate.Components)
            {
                dialog.Say($"  {component.Label.In(culture)}: {Dialog.Yen(component.Amount)}");
            }

            dialog.Say(T("  計算方法: ", "  Method: ") + estimate.Method.In(culture));
        }

        List(T("見込みが変わりうる条件:", "What could change it:"), outlook.Conditions);
        List(T("対象外:", "Not covered:"), outlook.Exclusions);
        dialog.Say(T("出典:", "Sources:"));
        foreach (var source in outlook.Citations)
        {
            dialog.Say($"  {source.Publisher}: {source.Title}{(source.Url is null ? "" : " <" + source.Url.AbsoluteUri + ">")}");
        }

        dialog.Say(outlook.Disclaimer);
    }

    private void List(string title, IReadOnlyList<BilingualText> items)
    {
        if (items.Count == 0) return;
        dialog.Say(title);
        foreach (var item in items) dialog.Say("  - " + item.In(dialog.Culture));
    }

    private string T(string ja, string en) => dialog.Pick(ja, en);
}
