using System.Globalization;
using TakeoverRules.Facts;

namespace TakeoverRules.Compensation;

/// <summary>
/// Answers "will I get my money back?" for one case from the sourced policies: the policy that applies on the incident
/// date (as known on a given date), an estimate computed the way that policy computes it — a range where the policy
/// is case by case — the conditions and exclusions that could change it, and citations. It never claims more
/// certainty than the sources give, and it is not legal advice.
/// </summary>
/// <remarks>Thread-safe: holds only the immutable <see cref="FactsRegistry"/>.</remarks>
public sealed class CompensationOutlook
{
    private static readonly BilingualText NotLegalAdvice = new(
        "これは法的助言ではありません。公表資料と報道に基づく見通しで、実際の補償の有無と金額は証券会社が個別に判断します。",
        "This is not legal advice. It is an outlook from published sources and press reports; whether and how much is paid is decided by the broker case by case.");

    private readonly FactsRegistry _facts;

    /// <summary>Creates an outlook over <paramref name="facts"/>.</summary>
    /// <param name="facts">The facts to use; <see cref="FactsRegistry.Embedded"/> for the shipped data.</param>
    public CompensationOutlook(FactsRegistry facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts;
    }

    /// <summary>Assesses one case.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The outlook.</returns>
    /// <exception cref="ArgumentException">The case is invalid (see <see cref="CompensationCase.Validate"/>); the message lists every problem.</exception>
    public CompensationOutlookResult Assess(CompensationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var problems = @case.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid compensation case: " + string.Join("; ", problems), nameof(@case));

        var knownOn = @case.KnownOn ?? _facts.Date;
        var broker = _facts.FindBroker(@case.BrokerId);
        if (broker is null)
        {
            var known = string.Join(", ", _facts.Brokers.Select(b => b.Id));
            return new CompensationOutlookResult(OutlookStatus.UnknownBroker, null, @case.IncidentDate, knownOn, null, [], null, [], [], [],
                new BilingualText(
                    $"証券会社「{@case.BrokerId}」は事実データにありません。補償方針は不明です。既知のID: {known}",
                    $"The broker '{@case.BrokerId}' is not in the facts data, so no compensation policy is known. Known ids: {known}"),
                NotLegalAdvice);
        }

        var policies = _facts.PoliciesFor(broker.Id, knownOn).Where(p => p.CoversIncidentOn(@case.IncidentDate)).ToList();
        var notes = new Notes();
        if (policies.Count == 0) return NoPolicy(@case, broker, knownOn, notes);

        var policy = policies[0];
        var estimate = Estimate(policy, @case, notes);
        AddCircumstances(policy, @case, notes);
        AddLaterPolicies(broker, knownOn, @case.IncidentDate, notes);
        if (policy.IncidentsFrom is null && broker.InJsdaAgreement && @case.IncidentDate < new DateOnly(2025, 1, 1))
        {
            notes.Add(_facts.FindFact("agreement.coverage-start"),
                "この方針の対象期間は資料にないが、10社申し合わせの対象は2025年1月以降の被害",
                "The policy's own period is not stated; the JSDA ten-firm agreement covers damage from January 2025 onward");
        }

        var summary = Summarise(broker, policy, estimate, knownOn);
        var conditions = policy.Conditions.Concat(notes.Conditions).ToList();
        var citations = policy.Sources.Concat(notes.Sources).DistinctBy(s => s.Id).ToList();
        return new CompensationOutlookResult(OutlookStatus.PolicyFound, broker, @case.IncidentDate, knownOn, policy, policies.Skip(1).ToList(),
            estimate, conditions, policy.Exclusions, citations, summary, NotLegalAdvice);
    }

    private CompensationOutlookResult NoPolicy(CompensationCase @case, Broker broker, DateOnly knownOn, Notes notes)
    {
        // What was said at the time is the honest answer when no policy existed yet (for example April 2025).
        foreach (var statement in _facts.KnownOn(knownOn).Where(f => f.Topic == FactTopic.Statements && (f.Subject is null || f.Subject == broker.Id)))
        {
            notes.Add(statement);
        }

        AddLaterPolicies(broker, knownOn, @case.IncidentDate, notes);
        var summary = new BilingualText(
            $"{knownOn:yyyy-MM-dd}時点で、{broker.Name.Ja}について{@case.IncidentDate:yyyy-MM-dd}の被害に適用される補償方針は資料にありません。",
            $"As of {knownOn:yyyy-MM-dd} the sources record no compensation policy of {broker.Name.En} covering damage on {@case.IncidentDate:yyyy-MM-dd}.");
        return new CompensationOutlookResult(OutlookStatus.NoPolicyKnown, broker, @case.IncidentDate, knownOn, null, [], null,
            notes.Conditions, [], notes.Sources.DistinctBy(s => s.Id).ToList(), summary, NotLegalAdvice);
    }

    private static CompensationEstimate? Estimate(CompensationPolicy policy, CompensationCase c, Notes notes)
    {
        var sold = c.Actions.HasFlag(TakeoverActions.HoldingsSold);
        var bought = c.Actions.HasFlag(TakeoverActions.StocksBought);
        var boughtLoss = bought ? Math.Max(0, c.PurchaseCost - c.CurrentValueOfPurchases) : 0;

        // Pre-fraud value minus value now: holdings (their current value if known, else the sale proceeds) against
        // cash left from the sale plus what was bought.
        var holdingsBefore = sold ? c.CurrentValueOfSoldHoldings ?? c.SaleProceeds : 0;
        var gap = Math.Max(0, holdingsBefore - c.SaleProceeds + c.PurchaseCost + c.Fees - c.CurrentValueOfPurchases);

        switch (policy.Kind)
        {
            case PolicyKind.TermsOnly:
                return new CompensationEstimate(0, 0, EstimateCertainty.InPrinciple, gap, [],
                    T("約款上、補償しないのが原則", "Under the terms, no compensation in principle"));

            case PolicyKind.CashShareOfLoss when policy.LossBasis == LossBasis.BoughtStockLoss:
                return CashShareOnBoughtStock(policy, c, boughtLoss, sold, bought);

            case PolicyKind.CashShareOfLoss:
                return CashShareWithForcedSale(policy, c, boughtLoss, sold, notes);

            case PolicyKind.Restoration:
            {
                var method = c.CurrentValueOfSoldHoldings is null && sold
                    ? T("口座を不正取引前の状態に戻す (現物で)。円換算は売却代金を保有株の価値とみなした値", "The account is put back to its pre-fraud state, in kind; the yen figure values the sold holdings at their sale proceeds")
                    : T("口座を不正取引前の状態に戻す (現物で)。円換算の値", "The account is put back to its pre-fraud state, in kind; yen equivalent");
                var restore = new EstimateComponent(T("原状回復 (円換算)", "Restoration (yen equivalent)"), gap);
                return policy.MayBeReducedOrRefused
                    ? new CompensationEstimate(0, gap, EstimateCertainty.CaseByCase, gap, [restore], method)
                    : new CompensationEstimate(gap, gap, EstimateCertainty.InPrinciple, gap, [restore], method);
            }

            case PolicyKind.CaseByCase:
            {
                var loss = policy.LossBasis == LossBasis.BuyMinusSellContractValue ? boughtLoss : gap;
                var method = policy.LossBasis == LossBasis.BuyMinusSellContractValue
                    ? T("被害額は買付と売却の約定代金の差額 (未売却分は現在価値で代用)。補償割合は資料になく、0から被害額全額までの幅", "Loss = buy minus sell contract value (current value stands in for shares not yet sold); the share paid is not in the sources, so the range runs from nothing to the whole loss")
                    : T("水準は個別判断で、資料に率や下限はない。0から口座を元に戻す額までの幅", "The level is decided case by case and the sources give no rate or floor; the range runs from nothing to what restoring the account would take");
                return new CompensationEstimate(0, loss, EstimateCertainty.CaseByCase, loss, [], method);
            }

            default:
                // Undisclosed, under consideration, or only requested by the JSDA: nothing to compute from.
                return null;
        }
    }

    private static CompensationEstimate CashShareOnBoughtStock(CompensationPolicy policy, CompensationCase c, decimal boughtLoss, bool sold, bool bought)
    {
        var share = policy.CashShare!.Value;
        var sympathy = policy.SympathyPaymentYen ?? 0;
        if (sold && !bought && policy.CoversSaleOnly == false)
        {
            // The sources say sale-only cases are excluded and, separately, that the sympathy payment goes to every
            // victim; whether both hold for one case is not stated, so the payment is the top of a range.
            return new CompensationEstimate(0, sympathy, EstimateCertainty.CaseByCase, 0, [],
                T("保有株の売却のみの被害は対象外 (見舞金の扱いは資料から明確でない)", "Sale-only cases are not covered; whether the sympathy payment is still made is not clear from the sources"));
        }

        var components = new List<EstimateComponent>
        {
            new(T($"不正に買い付けられた株式の損失の{Percent(share)}", $"{Percent(share)} of the loss on the stocks bought fraudulently"), Round(share * boughtLoss)),
        };
        if (policy.FeesRefunded == true) components.Add(new EstimateComponent(T("不正取引の手数料の全額返還", "Fees of the fraudulent trades refunded in full"), c.Fees));
        if (sympathy > 0) components.Add(new EstimateComponent(T("見舞金", "Sympathy payment (見舞金)"), sympathy));
        var total = components.Sum(x => x.Amount);
        return new CompensationEstimate(total, total, EstimateCertainty.InPrinciple, boughtLoss, components,
            T($"(買付額 − 現在価値) × {Percent(share)} + 手数料 + 見舞金", $"(purchase cost − current value) × {Percent(share)} + fees + sympathy payment"));
    }

    private static CompensationEstimate CashShareWithForcedSale(CompensationPolicy policy, CompensationCase c, decimal boughtLoss, bool sold, Notes notes)
    {
        var share = policy.CashShare!.Value;
        var onBought = new EstimateComponent(T($"不正に買い付けられた株式の損失の{Percent(share)}", $"{Percent(share)} of the loss on the stocks bought fraudulently"), Round(share * boughtLoss));
        if (!sold)
        {
            return new CompensationEstimate(onBought.Amount, onBought.Amount, EstimateCertainty.InPrinciple, boughtLoss, [onBought],
                T($"(買付額 − 現在価値) × {Percent(share)}", $"(purchase cost − current value) × {Percent(share)}"));
        }

        if (c.CurrentValueOfSoldHoldings is not { } value)
        {
            notes.Add(null,
                "強制売却による損失も補償対象だが、売却された保有株の現在価値が不明なため上限を計算できない",
                "The loss from the forced sale is also covered, but without the current value of the sold holdings there is no upper bound to compute");
            return new CompensationEstimate(onBought.Amount, null, EstimateCertainty.CaseByCase, boughtLoss, [onBought],
                T($"下限: (買付額 − 現在価値) × {Percent(share)}。強制売却の損失分は未計算", $"Lower bound: (purchase cost − current value) × {Percent(share)}; the forced-sale part is not computed"));
        }

        // How the broker values the forced-sale loss is not in the sources; the current value of the sold holdings
        // minus the proceeds is one reading, so it widens the range rather than fixing the amount.
        var forcedLoss = Math.Max(0, value - c.SaleProceeds);
        var onForced = new EstimateComponent(T($"強制売却による損失の{Percent(share)} (評価方法は資料になし)", $"{Percent(share)} of the forced-sale loss (valuation method not in the sources)"), Round(share * forcedLoss));
        return new CompensationEstimate(onBought.Amount, onBought.Amount + onForced.Amount, EstimateCertainty.CaseByCase, boughtLoss + forcedLoss, [onBought, onForced],
            T($"(買付額 − 現在価値) × {Percent(share)}、加えて最大で (売却株の現在価値 − 売却代金) × {Percent(share)}", $"(purchase cost − current value) × {Percent(share)}, plus up to (current value of sold holdings − proceeds) × {Percent(share)}"));
    }

    private void AddCircumstances(CompensationPolicy policy, CompensationCase c, Notes notes)
    {
        var judged = policy.Kind is PolicyKind.CaseByCase or PolicyKind.RequestedByJsda || policy.MayBeReducedOrRefused
            || policy.BrokerIds.Any(id => _facts.FindBroker(id)?.InJsdaAgreement == true);
        if (judged && c.CredentialsEnteredOnPhishingSite == true)
        {
            notes.Add(_facts.FindFact("agreement.case-by-case-factors"),
                "フィッシングサイトにID・パスワードを入力した事実は、申し合わせが勘案するとした「IDやパスワード等の管理を含む態様」として考慮されうる",
                "Typing the credentials into a phishing site may be weighed as part of 'how the customer managed IDs and passwords', which the agreement says is taken into account");
        }

        if (c.MfaEnabled == false)
        {
            notes.Add(_facts.FindFact("statement.asahi-ratio-factors"),
                "多要素認証を使っていなかった: 補償割合が多要素認証の利用で変わりうるとの報道がある (低信頼の転載)",
                "MFA was off: a report (low-authority copy) said the compensation ratio might depend on MFA use");
        }

        if (c.PoliceReportFiled != true)
        {
            notes.Add(_facts.FindFact("contacts.broker-mufg-esmart-damage"),
                "警察への被害届が未提出 (または不明): 証券会社が届出を求める例がある",
                "No police report filed (or unknown): brokers ask victims to file one (for example MUFG eSmart)");
        }

        if (c.ReportedToBrokerAfter is { } delay)
        {
            notes.Add(_facts.FindFact("statement.asahi-ratio-factors"),
                $"証券会社への連絡は被害から{delay.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)}時間後: 届出の早さで割合が変わりうるとの報道がある (期限を定めた資料はない)",
                $"The broker was told {delay.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours after the fraud: a report said the ratio might depend on how fast the victim reported (no source states a deadline)");
        }

        if (c.Actions.HasFlag(TakeoverActions.MarginUsed))
        {
            notes.Add(null, "信用取引による損失の扱いを示す方針は資料にない。見積もりは入力された現物の金額のみに基づく",
                "No policy in the sources says how losses on margin (信用取引) are treated; the estimate covers only the cash amounts given");
        }

        if (c.Actions.HasFlag(TakeoverActions.CashWithdrawn))
        {
            notes.Add(_facts.FindFact("stats.withdrawals-not-confirmed"),
                "不正な出金は金融庁が確認していない類型で、出金された資金を扱う方針は資料にない",
                "The FSA had not confirmed fraudulent withdrawals, and no policy in the sources addresses cash withdrawn to an attacker");
        }
    }

    private void AddLaterPolicies(Broker broker, DateOnly knownOn, DateOnly incident, Notes notes)
    {
        var later = _facts.PoliciesFor(broker.Id).Where(p => p.KnownFrom > knownOn && p.CoversIncidentOn(incident)).ToList();
        if (later.Count == 0) return;
        var first = later[^1];
        notes.Add(null,
            $"{knownOn:yyyy-MM-dd}より後に新しい方針が公表された (最初は{first.AsOf}: {first.Title.Ja})",
            $"Newer policies were published after {knownOn:yyyy-MM-dd} (the first on {first.AsOf}: {first.Title.En})");
        notes.Sources.AddRange(first.Sources);
    }

    private static BilingualText Summarise(Broker broker, CompensationPolicy policy, CompensationEstimate? estimate, DateOnly knownOn)
    {
        static string Yen(decimal v) => "¥" + v.ToString("#,0", CultureInfo.InvariantCulture);
        var (ja, en) = estimate switch
        {
            null => ("金額を見積もる根拠は資料にありません", "the sources give nothing to compute an amount from"),
            { IsPoint: true, Certainty: EstimateCertainty.InPrinciple } e => ($"原則として{Yen(e.Low)}の見込み", $"in principle {Yen(e.Low)}"),
            { High: null } e => ($"{Yen(e.Low)}以上 (上限は資料から計算できない)", $"at least {Yen(e.Low)} (no upper bound can be computed from the sources)"),
            { } e => ($"{Yen(e.Low)}〜{Yen(e.High!.Value)}の幅 (個別判断)", $"between {Yen(e.Low)} and {Yen(e.High!.Value)} (case by case)"),
        };
        return new BilingualText(
            $"{knownOn:yyyy-MM-dd}時点の資料では、{broker.Name.Ja}の方針は「{policy.Title.Ja}」({policy.AsOf})。{ja}。",
            $"As of {knownOn:yyyy-MM-dd} the sources give {broker.Name.En}'s policy as '{policy.Title.En}' ({policy.AsOf}): {en}.");
    }

    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static decimal Round(decimal yen) => Math.Round(yen, 0, MidpointRounding.ToZero);

    private static BilingualText T(string ja, string en) => new(ja, en);

    /// <summary>Conditions gathered while assessing, each with the sources it rests on.</summary>
    private sealed class Notes
    {
        public List<BilingualText> Conditions { get; } = [];

        public List<FactSource> Sources { get; } = [];

        public void Add(Fact fact)
        {
            Conditions.Add(new BilingualText($"{fact.Statement.Ja} ({fact.AsOf}、{GradeJa(fact.Grade)})", $"{fact.Statement.En} ({fact.AsOf}, {fact.Grade})"));
            Sources.AddRange(fact.Sources);
        }

        public void Add(Fact? fact, string ja, string en)
        {
            Conditions.Add(new BilingualText(ja, en));
            if (fact is not null) Sources.AddRange(fact.Sources);
        }

        private static string GradeJa(EvidenceGrade grade) => grade switch
        {
            EvidenceGrade.Primary => "一次資料",
            EvidenceGrade.Press => "報道",
            EvidenceGrade.LowAuthority => "低信頼",
            _ => "未確認",
        };
    }
}
