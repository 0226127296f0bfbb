using TakeoverRules.Links;

namespace VictimHelpBot;

/// <summary>"Is this link real?": every link in a pasted message, judged offline against the brokers' official domains.</summary>
public sealed class LinkFlow(Dialog dialog)
{
    /// <summary>Reads a pasted link or message and says what each link is.</summary>
    public void Run()
    {
        var text = dialog.AskText("リンク、またはメール・SMSの本文を貼り付けて、空行で終えてください(リンクは開かないでください)。", "Paste the link, or the whole e-mail or SMS, and end with an empty line (do not open the link).");
        var checks = LinkChecker.Default.Scan(text);
        if (checks.Count == 0 || checks.All(c => c.Reasons.HasFlag(LinkReasons.NoLinkFound)))
        {
            dialog.Say("リンクが見つかりませんでした。", "No link found.");
            return;
        }

        foreach (var check in checks)
        {
            dialog.Say("");
            dialog.Say($"{check.Host}: {Verdict(check.Verdict)}");
            if (check.Broker is { } broker) dialog.Say(T("  関係する証券会社: ", "  Broker concerned: ") + broker.Name.In(dialog.Culture));
            foreach (var reason in check.ReasonList())
            {
                dialog.Say("  - " + LinkChecker.Describe(reason).In(dialog.Culture));
            }

            dialog.Say("  → " + check.Advice.In(dialog.Culture));
        }

        if (checks.Any(c => c.IsLookalike))
        {
            dialog.Say("");
            dialog.Say("偽サイトにIDやパスワードを入力してしまった場合は、メニューの 1 で対応手順を確認してください。", "If you typed your ID or password into such a site, choose 1 in the menu for what to do.");
        }
    }

    private string Verdict(LinkVerdict verdict) => verdict switch
    {
        LinkVerdict.Official => T("公式のドメインです", "an official domain"),
        LinkVerdict.Related => T("証券会社の関連ドメインです(公式と確認されたものではありません)", "related to a broker (not confirmed official)"),
        LinkVerdict.Lookalike => T("⚠ 偽サイト(なりすまし)の疑いがあります", "⚠ looks like a phishing look-alike"),
        LinkVerdict.Unrelated => T("証券会社とは関係のないサイトです", "not a broker's site"),
        _ => T("判断できません", "cannot tell"),
    };

    private string T(string ja, string en) => dialog.Pick(ja, en);
}
