using System.Globalization;

namespace TakeoverRules.Detection;

/// <summary>The description of one indicator in <see cref="IndicatorCatalog"/>.</summary>
/// <param name="Id">The indicator.</param>
/// <param name="Code">Stable wire code (camelCase), as written in decisions.</param>
/// <param name="Category">Its family.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Title">A short title in Japanese and English; <see cref="BilingualText.In"/> picks one for a culture.</param>
public sealed record IndicatorDefinition(
    IndicatorId Id,
    string Code,
    IndicatorCategory Category,
    IndicatorSeverity Severity,
    BilingualText Title);

/// <summary>
/// The catalog of takeover indicators: stable ids and codes, families, severities and titles, and the ja/en
/// explanations of <see cref="IndicatorHit"/>. Thread-safe.
/// </summary>
public static class IndicatorCatalog
{
    private static readonly IndicatorDefinition[] Definitions =
    [
        new(IndicatorId.UnfamiliarDevice, "unfamiliarDevice", IndicatorCategory.Access, IndicatorSeverity.Medium, new("未知の端末", "Unfamiliar device")),
        new(IndicatorId.UnfamiliarNetwork, "unfamiliarNetwork", IndicatorCategory.Access, IndicatorSeverity.Low, new("未知のネットワーク", "Unfamiliar network")),
        new(IndicatorId.UnfamiliarCountry, "unfamiliarCountry", IndicatorCategory.Access, IndicatorSeverity.Medium, new("初めての国", "Unfamiliar country")),
        new(IndicatorId.HostingNetwork, "hostingNetwork", IndicatorCategory.Access, IndicatorSeverity.Medium, new("ホスティング・VPN・プロキシ", "Hosting, VPN or proxy address")),
        new(IndicatorId.FailedThenSuccessfulLogin, "failedThenSuccessfulLogin", IndicatorCategory.Access, IndicatorSeverity.Medium, new("ログイン失敗の後の成功", "Failed logins, then success")),
        new(IndicatorId.DormantAccountWakeUp, "dormantAccountWakeUp", IndicatorCategory.Access, IndicatorSeverity.Medium, new("休眠口座の再開", "Dormant account wakes up")),
        new(IndicatorId.StaleSession, "staleSession", IndicatorCategory.Access, IndicatorSeverity.Low, new("途切れたセッションの再開後の注文", "Order resuming a quiet session")),
        new(IndicatorId.ContactDetailsChanged, "contactDetailsChanged", IndicatorCategory.Settings, IndicatorSeverity.Medium, new("連絡先の変更", "Contact details changed")),
        new(IndicatorId.NotificationsDisabled, "notificationsDisabled", IndicatorCategory.Settings, IndicatorSeverity.High, new("ログイン通知の停止", "Login notifications turned off")),
        new(IndicatorId.MfaWeakened, "mfaWeakened", IndicatorCategory.Settings, IndicatorSeverity.High, new("多要素認証の無効化・変更", "Multi-factor authentication weakened")),
        new(IndicatorId.WithdrawalAccountChanged, "withdrawalAccountChanged", IndicatorCategory.Settings, IndicatorSeverity.High, new("出金先口座の変更", "Withdrawal account changed")),
        new(IndicatorId.CredentialChanged, "credentialChanged", IndicatorCategory.Settings, IndicatorSeverity.Low, new("パスワード・取引暗証番号の変更", "Password or trading PIN changed")),
        new(IndicatorId.NewTradingPrivilege, "newTradingPrivilege", IndicatorCategory.Settings, IndicatorSeverity.Medium, new("外国株・信用取引の有効化", "Foreign or margin trading enabled")),
        new(IndicatorId.LiquidationBurst, "liquidationBurst", IndicatorCategory.Trading, IndicatorSeverity.Medium, new("保有資産の一斉売却", "Liquidation burst")),
        new(IndicatorId.SellToBuyRotation, "sellToBuyRotation", IndicatorCategory.Trading, IndicatorSeverity.Medium, new("売却代金での買付", "Sell-to-buy rotation")),
        new(IndicatorId.BuyingPowerExhausted, "buyingPowerExhausted", IndicatorCategory.Trading, IndicatorSeverity.Medium, new("買付余力の使い切り", "Buying power exhausted")),
        new(IndicatorId.FirstTradeInSegment, "firstTradeInSegment", IndicatorCategory.Trading, IndicatorSeverity.Low, new("初めての市場・区分での取引", "First trade in a market or segment")),
        new(IndicatorId.ThinInstrument, "thinInstrument", IndicatorCategory.Trading, IndicatorSeverity.Medium, new("低流動性・低位株", "Thin or low-priced instrument")),
        new(IndicatorId.RisingPriceLadder, "risingPriceLadder", IndicatorCategory.Trading, IndicatorSeverity.High, new("買い上がり", "Buys at rising prices")),
        new(IndicatorId.OrderSizeAboveHistory, "orderSizeAboveHistory", IndicatorCategory.Trading, IndicatorSeverity.Medium, new("通常とかけ離れた注文額", "Order far above usual size")),
        new(IndicatorId.OffHours, "offHours", IndicatorCategory.Trading, IndicatorSeverity.Low, new("通常と異なる時間帯", "Unusual hour for this customer")),
        new(IndicatorId.SeveralThinNames, "severalThinNames", IndicatorCategory.Trading, IndicatorSeverity.High, new("複数の低流動性銘柄の買付", "Several thin names in one run")),
        new(IndicatorId.WithdrawalAfterRisk, "withdrawalAfterRisk", IndicatorCategory.Funds, IndicatorSeverity.High, new("不審な兆候の後の出金", "Withdrawal after risky signals")),
        new(IndicatorId.RotationTypology, "rotationTypology", IndicatorCategory.Typology, IndicatorSeverity.Critical, new("2025年型の乗っ取りパターン", "2025 rotation pattern")),
        new(IndicatorId.CrossAccountRamp, "crossAccountRamp", IndicatorCategory.CrossAccount, IndicatorSeverity.Critical, new("複数口座による同一銘柄の買い上がり", "Ramp across accounts")),
    ];

    private static readonly Dictionary<IndicatorId, IndicatorDefinition> ById = Definitions.ToDictionary(d => d.Id);

    /// <summary>Every indicator, in id order.</summary>
    public static IReadOnlyList<IndicatorDefinition> All => Definitions;

    /// <summary>The definition of <paramref name="id"/>.</summary>
    /// <param name="id">An indicator id.</param>
    /// <returns>Its definition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a defined indicator.</exception>
    public static IndicatorDefinition Get(IndicatorId id) =>
        ById.TryGetValue(id, out var definition) ? definition : throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown indicator id.");

    internal static string Render(IndicatorHit hit, bool en)
    {
        var s = hit.Subject ?? "";
        var o = hit.Observed;
        var t = hit.Threshold;
        var m = Minutes(hit.Minutes ?? 0);
        var a = hit.AmountJpy ?? 0;
        var cause = hit.Cause is { } c ? CausePhrase(c, en) : null;
        var text = RenderValue(hit, en, s, o, t, m, a, cause);
        return hit.Baseline is { } baseline ? text + BaselinePhrase(hit.Id, baseline, en) : text;
    }

    private static string BaselinePhrase(IndicatorId id, double rate, bool en)
    {
        var access = IndicatorCatalog.Get(id).Category == IndicatorCategory.Access;
        return en
            ? $"; this customer: {Percent(rate)} of {(access ? "logins" : "buys")}"
            : $"（この顧客では{(access ? "ログイン" : "買付")}の{Percent(rate)}）";
    }

    private static string RenderValue(IndicatorHit hit, bool en, string s, double o, double t, string m, double a, string? cause)
    {
        return hit.Id switch
        {
            IndicatorId.UnfamiliarDevice => en
                ? $"login from device {s}, not among the {Count(o)} devices this account has used"
                : $"この口座で使われたことのない端末（{s}）からのログイン（既知の端末 {Count(o)} 台）",
            IndicatorId.UnfamiliarNetwork => en
                ? $"login from network {s}, not among the {Count(o)} networks this account has used"
                : $"この口座で使われたことのないネットワーク（{s}）からのログイン（既知 {Count(o)} 件）",
            IndicatorId.UnfamiliarCountry => en
                ? $"login from {s}, a country this account has not logged in from"
                : $"この口座で初めての国（{s}）からのログイン",
            IndicatorId.HostingNetwork => en
                ? $"login from a hosting, VPN or proxy address ({s})"
                : $"ホスティング・VPN・プロキシのアドレス（{s}）からのログイン",
            IndicatorId.FailedThenSuccessfulLogin => en
                ? $"successful login after {Count(o)} failed attempts within {m} min (threshold {Count(t)})"
                : $"{m}分以内に{Count(o)}回ログインに失敗した後のログイン成功（しきい値 {Count(t)}回）",
            IndicatorId.DormantAccountWakeUp => en
                ? $"login after {Count(o)} days without activity (threshold {Count(t)} days)"
                : $"{Count(o)}日間利用のなかった口座へのログイン（しきい値 {Count(t)}日）",
            IndicatorId.StaleSession => en
                ? $"order in a session resumed after {m} min without activity, with no new login (threshold {Count(t)} min)"
                : $"{m}分間操作のなかったセッションが新たなログインなしに再開された後の注文（しきい値 {Count(t)}分）",
            IndicatorId.ContactDetailsChanged or IndicatorId.CredentialChanged => Setting(en ? $"{s} changed" : $"{SettingJa(s)}の変更", hit, en, cause, m),
            IndicatorId.NotificationsDisabled => Setting(en ? "login notifications turned off" : "ログイン通知の停止", hit, en, cause, m),
            IndicatorId.MfaWeakened => Setting(en ? "multi-factor authentication turned off or changed" : "多要素認証の無効化・変更", hit, en, cause, m),
            IndicatorId.WithdrawalAccountChanged => Setting(en ? "withdrawal bank account changed" : "出金先口座の変更", hit, en, cause, m),
            IndicatorId.NewTradingPrivilege => Setting(en ? $"{s} enabled" : $"{SettingJa(s)}の有効化", hit, en, cause, m),
            IndicatorId.LiquidationBurst => en
                ? $"sold {Percent(o)} of holdings within {m} min{(cause is null ? "" : " of " + cause)} (threshold {Percent(t)})"
                : $"{(cause is null ? "" : cause + "から")}{m}分以内に保有資産の{Percent(o)}を売却（しきい値 {Percent(t)}）",
            IndicatorId.SellToBuyRotation => en
                ? $"buy placed {m} min after selling {Percent(o)} of holdings (threshold {Percent(t)})"
                : $"保有資産の{Percent(o)}を売却してから{m}分後の買い注文（しきい値 {Percent(t)}）",
            IndicatorId.BuyingPowerExhausted => en
                ? $"buys use {Percent(o)} of buying power{(s == "margin" ? ", on margin" : "")} (threshold {Percent(t)})"
                : $"買付余力の{Percent(o)}を使用{(s == "margin" ? "（信用取引）" : "")}（しきい値 {Percent(t)}）",
            IndicatorId.FirstTradeInSegment => en
                ? $"first {SegmentEn(s)} trade on this account"
                : $"この口座で初めての{SegmentJa(s)}の取引",
            IndicatorId.ThinInstrument => en
                ? $"{s} averages {Yen(o)} traded a day (thin below {Yen(t)}); this order of {Yen(a)} is {Percent(o > 0 ? a / o : 1)} of a day's trading"
                : $"{s}の1日平均売買代金は{Yen(o)}（{Yen(t)}未満は低流動性）、この注文{Yen(a)}はその{Percent(o > 0 ? a / o : 1)}",
            IndicatorId.SeveralThinNames => en
                ? $"{Count(o)} different thin or low-priced names bought in one run of orders, {s} the latest"
                : $"一連の注文で{Count(o)}銘柄の低流動性・低位株を買付（直近は{s}）",
            IndicatorId.RisingPriceLadder => en
                ? $"{Count(o)} successive buys of {s} at rising prices within {m} min (threshold {Count(t)})"
                : $"{m}分以内に{s}を値を上げながら{Count(o)}回買付（しきい値 {Count(t)}回）",
            IndicatorId.OrderSizeAboveHistory => en
                ? $"order of {Yen(a)} is {Ratio(o)}× the largest earlier order (threshold {Ratio(t)}×)"
                : $"注文額{Yen(a)}は過去最大の注文の{Ratio(o)}倍（しきい値 {Ratio(t)}倍）",
            IndicatorId.OffHours => en
                ? $"activity at {s} local time, an hour with {Percent(o)} of this customer's activity (threshold {Percent(t)})"
                : $"現地時刻{s}台の利用。この時間帯はこの顧客の利用の{Percent(o)}（しきい値 {Percent(t)}）",
            IndicatorId.WithdrawalAfterRisk => en
                ? $"withdrawal of {Yen(a)} to {(o >= 1 ? "new destination " : "destination ")}{s}{(cause is null ? "" : $" {m} min after {cause}")}"
                : $"{(cause is null ? "" : $"{cause}から{m}分後、")}{(o >= 1 ? "初めての出金先" : "出金先")}{s}への{Yen(a)}の出金依頼",
            IndicatorId.RotationTypology => en
                ? $"2025 rotation pattern: {cause ?? "risky session"}, then {Percent(o)} of holdings sold and {s} bought within {m} min"
                : $"2025年型の乗っ取りパターン：{cause ?? "不審なセッション"}の後、{m}分以内に保有資産の{Percent(o)}を売却し{s}を買付",
            IndicatorId.CrossAccountRamp => en
                ? $"{Count(o)} risky accounts bought {s} within {m} min (threshold {Count(t)})"
                : $"{m}分以内にリスクのある{Count(o)}口座が{s}を買付（しきい値 {Count(t)}口座）",
            _ => hit.Id.ToString(),
        };
    }

    private static string Setting(string what, IndicatorHit hit, bool en, string? cause, string minutes) =>
        cause is null || hit.Minutes is null ? what
        : en ? $"{what} {minutes} min after {cause}"
        : $"{cause}から{minutes}分後の{what}";

    private static string CausePhrase(IndicatorId cause, bool en) => cause switch
    {
        IndicatorId.UnfamiliarDevice => en ? "a login from a new device" : "新しい端末からのログイン",
        IndicatorId.UnfamiliarNetwork => en ? "a login from a new network" : "初めてのネットワークからのログイン",
        IndicatorId.UnfamiliarCountry => en ? "a login from a new country" : "初めての国からのログイン",
        IndicatorId.HostingNetwork => en ? "a login from a hosting or VPN address" : "ホスティング・VPNのアドレスからのログイン",
        IndicatorId.FailedThenSuccessfulLogin => en ? "a login after repeated failures" : "失敗が続いた後のログイン",
        IndicatorId.DormantAccountWakeUp => en ? "a login to a dormant account" : "休眠口座へのログイン",
        _ => en ? "a risky login" : "不審なログイン",
    };

    private static string SettingJa(string setting) => setting switch
    {
        "email" => "メールアドレス",
        "phone" => "電話番号",
        "address" => "住所",
        "password" => "ログインパスワード",
        "tradingPin" => "取引暗証番号",
        "foreignTrading" => "外国株取引",
        "marginTrading" => "信用取引",
        _ => setting,
    };

    private static string SegmentEn(string segment) => segment switch
    {
        Segments.Margin => "margin",
        Segments.Thin => "thin or low-priced stock",
        _ => segment,
    };

    private static string SegmentJa(string segment) => segment switch
    {
        Segments.Margin => "信用",
        Segments.Thin => "低流動性・低位株",
        _ => segment,
    };

    private static string Percent(double share) =>
        share > 0 && share < 0.005 ? "<1%" : (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Yen(double yen) => "¥" + yen.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Count(double count) => count.ToString("0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Minutes(double minutes) => minutes < 1 ? "<1" : minutes.ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>Subjects of <see cref="IndicatorId.FirstTradeInSegment"/> that are not market codes.</summary>
internal static class Segments
{
    public const string Margin = "margin";
    public const string Thin = "thinInstrument";
}
