using System.Globalization;
using System.Text;

namespace TakeoverRules.Prevention;

/// <summary>The kind of a <see cref="ProblemNode"/>.</summary>
public enum ProblemNodeKind
{
    /// <summary>How accounts were taken over.</summary>
    Cause,

    /// <summary>What happened to the accounts and the market.</summary>
    Result,

    /// <summary>What made the aftermath hard: compensation, law, statistics.</summary>
    Issue,

    /// <summary>Who is involved.</summary>
    Actor,

    /// <summary>What was done or is recommended against it.</summary>
    Countermeasure,
}

/// <summary>How two <see cref="ProblemNode"/>s relate.</summary>
public enum ProblemRelation
{
    /// <summary>The source leads to the target.</summary>
    LeadsTo,

    /// <summary>The source (a countermeasure) works against the target.</summary>
    Mitigates,

    /// <summary>The source (an actor) carries out or is responsible for the target.</summary>
    Implements,

    /// <summary>The source (an actor) is affected by the target.</summary>
    AffectedBy,
}

/// <summary>A node of the <see cref="ProblemMap"/>.</summary>
/// <param name="Id">Stable identifier, for example <c>cause.phishing</c>.</param>
/// <param name="Kind">What the node is.</param>
/// <param name="Label">A short label.</param>
/// <param name="FactIds">Ids of the facts in the facts registry the node rests on; empty for a plain grouping.</param>
public sealed record ProblemNode(string Id, ProblemNodeKind Kind, BilingualText Label, IReadOnlyList<string> FactIds);

/// <summary>A directed edge of the <see cref="ProblemMap"/>.</summary>
/// <param name="From">The source node id.</param>
/// <param name="To">The target node id.</param>
/// <param name="Relation">How they relate.</param>
public sealed record ProblemEdge(string From, string To, ProblemRelation Relation);

/// <summary>
/// The problem map of the 2025 takeovers: causes, results, issues, actors and countermeasures as a typed graph, with
/// each node linked to the facts it rests on. Exports to a Mermaid mindmap for READMEs and chats.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ProblemMap
{
    // Internal so that tests can write a map whose labels are not the built-in ones.
    internal ProblemMap(IReadOnlyList<ProblemNode> nodes, IReadOnlyList<ProblemEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    /// <summary>The map built from the research notes.</summary>
    public static ProblemMap Default { get; } = new(DefaultNodes(), DefaultEdges());

    /// <summary>The nodes, grouped by kind in <see cref="ProblemNodeKind"/> order.</summary>
    public IReadOnlyList<ProblemNode> Nodes { get; }

    /// <summary>The edges between nodes.</summary>
    public IReadOnlyList<ProblemEdge> Edges { get; }

    /// <summary>Writes the map as a Mermaid <c>mindmap</c>: the root, one branch per kind, one leaf per node.</summary>
    /// <param name="culture">The labels' culture (<see cref="TextLanguage"/>); <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>Mermaid source, without a code fence.</returns>
    public string ToMermaidMindmap(CultureInfo? culture = null) => Mindmap(culture);

    private string Mindmap(CultureInfo? language)
    {
        var text = new StringBuilder(4096).AppendLine("mindmap");
        text.Append("  root((").Append(MermaidText.Label(new BilingualText("証券口座乗っ取り", "Securities-account takeovers").In(language))).AppendLine("))");
        foreach (var group in Nodes.GroupBy(n => n.Kind))
        {
            text.Append("    ").Append(group.Key.ToString().ToLowerInvariant()).Append('[').Append(MermaidText.Label(KindLabel(group.Key).In(language))).AppendLine("]");
            foreach (var node in group)
            {
                text.Append("      ").Append(MermaidText.Id(node.Id)).Append('[').Append(MermaidText.Label(node.Label.In(language))).AppendLine("]");
            }
        }

        return text.ToString();
    }

    /// <summary>The display name of a node kind.</summary>
    /// <param name="kind">The kind.</param>
    public static BilingualText KindLabel(ProblemNodeKind kind) => kind switch
    {
        ProblemNodeKind.Cause => new("原因", "Causes"),
        ProblemNodeKind.Result => new("結果", "Results"),
        ProblemNodeKind.Issue => new("論点", "Issues"),
        ProblemNodeKind.Actor => new("関係者", "Actors"),
        _ => new("対策", "Countermeasures"),
    };

    private static ProblemNode N(string id, ProblemNodeKind kind, string ja, string en, params string[] facts) => new(id, kind, new(ja, en), facts);

    private static IReadOnlyList<ProblemNode> DefaultNodes() =>
    [
        N("cause.phishing", ProblemNodeKind.Cause, "偽サイト(フィッシング)でID・パスワードを盗む", "Phishing sites steal IDs and passwords", "fsa.supervisory-guideline.content"),
        N("cause.aitm", ProblemNodeKind.Cause, "リアルタイム中継型フィッシングでワンタイムコードも突破", "Real-time relay phishing defeats one-time codes", "jsda.guideline.phishing-resistant-mfa"),
        N("cause.infostealer", ProblemNodeKind.Cause, "情報窃取型マルウェア", "Infostealer malware"),
        N("cause.password-only", ProblemNodeKind.Cause, "ID・パスワードだけでログインできた", "Login with ID and password alone", "jsda.mfa-mandatory-count.2025-04-25"),
        N("result.sell-and-buy", ProblemNodeKind.Result, "保有株を売却し、代金で中国株・小型株を買付", "Holdings sold, proceeds buy Chinese stocks and small caps", "stats.caveat.not-customer-losses"),
        N("result.manipulation", ProblemNodeKind.Result, "小型株の株価つり上げ(相場操縦)", "Small-cap prices pushed up (manipulation)", "law.fiea-159", "law.arrests-2025-11-28"),
        N("result.no-withdrawal", ProblemNodeKind.Result, "不正な出金は確認されず(2025年4月時点)", "No fraudulent withdrawals confirmed (April 2025)", "stats.withdrawals-not-confirmed"),
        N("result.victims", ProblemNodeKind.Result, "全国で3,500人超の被害(警察庁)", "More than 3,500 victims nationwide (NPA)", "stats.npa-victims"),
        N("issue.terms", ProblemNodeKind.Issue, "約款では正しいID・パスワードでの取引は本人の取引", "Terms treated trades with valid credentials as the customer's", "statement.terms-disclaimer"),
        N("issue.not-uniform", ProblemNodeKind.Issue, "補償は各社の方針で個別判断", "Compensation is each broker's policy, case by case", "agreement.case-by-case-factors"),
        N("issue.bank-gap", ProblemNodeKind.Issue, "預金者保護法は銀行のみ、証券は対象外", "The Depositors Protection Act covers banks, not brokers", "law.depositors-act.scope", "law.jba-2008.agreement"),
        N("issue.loss-compensation-ban", ProblemNodeKind.Issue, "損失補塡の禁止との関係(金融庁は対象外と判断)", "The ban on compensating losses (the FSA saw it as not applying)", "law.fiea-39-1", "law.fiea-39-fsa-view-2025"),
        N("issue.statistics-revised", ProblemNodeKind.Issue, "統計は暫定値で毎回改訂、売買額は損失額ではない", "Statistics are provisional and revised; traded amounts are not losses", "stats.caveat.provisional", "stats.caveat.not-customer-losses"),
        N("actor.customers", ProblemNodeKind.Actor, "顧客(被害者)", "Customers (victims)"),
        N("actor.brokers", ProblemNodeKind.Actor, "証券会社(18社で被害)", "Brokers (18 affected)", "brokers.affected-count.2025-11-28"),
        N("actor.fsa", ProblemNodeKind.Actor, "金融庁", "FSA", "fsa.supervisory-guideline.final"),
        N("actor.jsda", ProblemNodeKind.Actor, "日本証券業協会", "JSDA", "jsda.guideline.final"),
        N("actor.police", ProblemNodeKind.Actor, "警察", "Police", "stats.npa-victims"),
        N("actor.attackers", ProblemNodeKind.Actor, "攻撃者", "Attackers", "law.arrests-2025-11-28"),
        N("counter.passkeys", ProblemNodeKind.Countermeasure, "フィッシングに強い多要素認証(パスキー)の必須化", "Phishing-resistant MFA (passkeys) made mandatory", "jsda.guideline.phishing-resistant-mfa", "jsda.guideline.final"),
        N("counter.mfa-mandatory", ProblemNodeKind.Countermeasure, "ログイン時の多要素認証の必須化", "MFA made mandatory at login", "jsda.mfa-mandatory-count.2025-07-07"),
        N("counter.no-links", ProblemNodeKind.Countermeasure, "メール・SMSにログインリンクを載せない", "No login links in e-mail or SMS", "fsa.supervisory-guideline.content", "brokers.mail.sbi"),
        N("counter.notifications", ProblemNodeKind.Countermeasure, "ログイン等の通知と口座ロック", "Notifications and account lock", "jsda.guideline.notifications-lock"),
        N("counter.agreement", ProblemNodeKind.Countermeasure, "10社申し合わせによる一定の補償", "A certain compensation under the ten-firm agreement", "agreement.compensation-regardless-of-terms"),
        N("counter.enforcement", ProblemNodeKind.Countermeasure, "摘発(2025年11月に初の逮捕)", "Enforcement (first arrests, November 2025)", "law.arrests-2025-11-28"),
        N("counter.bookmark", ProblemNodeKind.Countermeasure, "ブックマーク・公式アプリからログイン", "Log in from a bookmark or the official app", "brokers.mail.sbi"),
    ];

    private static IReadOnlyList<ProblemEdge> DefaultEdges() =>
    [
        new("cause.phishing", "result.sell-and-buy", ProblemRelation.LeadsTo),
        new("cause.aitm", "result.sell-and-buy", ProblemRelation.LeadsTo),
        new("cause.infostealer", "result.sell-and-buy", ProblemRelation.LeadsTo),
        new("cause.password-only", "result.sell-and-buy", ProblemRelation.LeadsTo),
        new("result.sell-and-buy", "result.manipulation", ProblemRelation.LeadsTo),
        new("result.sell-and-buy", "result.victims", ProblemRelation.LeadsTo),
        new("result.manipulation", "result.no-withdrawal", ProblemRelation.LeadsTo),
        new("actor.fsa", "issue.statistics-revised", ProblemRelation.Implements),
        new("result.victims", "issue.terms", ProblemRelation.LeadsTo),
        new("issue.terms", "issue.not-uniform", ProblemRelation.LeadsTo),
        new("issue.bank-gap", "issue.not-uniform", ProblemRelation.LeadsTo),
        new("issue.loss-compensation-ban", "issue.not-uniform", ProblemRelation.LeadsTo),
        new("counter.passkeys", "cause.phishing", ProblemRelation.Mitigates),
        new("counter.passkeys", "cause.aitm", ProblemRelation.Mitigates),
        new("counter.mfa-mandatory", "cause.password-only", ProblemRelation.Mitigates),
        new("counter.no-links", "cause.phishing", ProblemRelation.Mitigates),
        new("counter.bookmark", "cause.phishing", ProblemRelation.Mitigates),
        new("counter.notifications", "result.sell-and-buy", ProblemRelation.Mitigates),
        new("counter.agreement", "issue.not-uniform", ProblemRelation.Mitigates),
        new("actor.jsda", "counter.passkeys", ProblemRelation.Implements),
        new("actor.jsda", "counter.agreement", ProblemRelation.Implements),
        new("actor.fsa", "counter.no-links", ProblemRelation.Implements),
        new("actor.brokers", "counter.mfa-mandatory", ProblemRelation.Implements),
        new("actor.brokers", "counter.notifications", ProblemRelation.Implements),
        new("actor.customers", "counter.bookmark", ProblemRelation.Implements),
        new("actor.attackers", "cause.phishing", ProblemRelation.Implements),
        new("actor.attackers", "result.manipulation", ProblemRelation.Implements),
        new("actor.police", "counter.enforcement", ProblemRelation.Implements),
        new("counter.enforcement", "result.manipulation", ProblemRelation.Mitigates),
        new("actor.customers", "result.victims", ProblemRelation.AffectedBy),
    ];
}
