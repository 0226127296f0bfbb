using TakeoverRules.Response;

namespace VictimHelpBot;

/// <summary>
/// "Something happened in my account": a few questions, then the library's response plan one step at a time, with
/// the evidence each step asks for kept in a <see cref="ResponseTracker"/> (saved to a file when one is given).
/// </summary>
public sealed class ResponseFlow(Dialog dialog, ResponsePlanner planner, BrokerQuestion brokers, CompensationFlow compensation, TimeProvider clock, string? progressFile)
{
    // Ids of the library's response plan (docs/response.md).
    private const string CallLog = "call-log";
    private const string CompensationStep = "compensation-outlook";

    private ResponseTracker? _tracker;

    /// <summary>Runs the questions (or resumes saved progress) and walks the steps.</summary>
    public void Run()
    {
        _tracker ??= Resume();
        if (_tracker is null)
        {
            _tracker = ResponseTracker.Start(planner.Create(AskContext()));
            Save();
        }

        var plan = _tracker.Plan;
        dialog.Say("");
        foreach (var note in plan.Notes)
        {
            dialog.Say("※ " + note.In(dialog.Culture));
        }

        dialog.Say(plan.ToChatText(dialog.Culture));
        Walk();
    }

    private ResponseTracker? Resume()
    {
        if (progressFile is null || !File.Exists(progressFile)) return null;
        var read = ResponseTracker.FromJson(File.ReadAllText(progressFile), planner);
        if (read.Tracker is null)
        {
            dialog.Say($"保存された進捗 {progressFile} を読めませんでした: {string.Join("; ", read.Errors)}", $"Could not read the saved progress {progressFile}: {string.Join("; ", read.Errors)}");
            return null;
        }

        dialog.Say($"前回の続きです。{Progress(read.Tracker)}", $"Picking up where you left off. {Progress(read.Tracker)}");
        return read.Tracker;
    }

    private IncidentContext AskContext()
    {
        var broker = brokers.Get();
        var noticedBy = dialog.AskChoice("最初に気付いたのは? 1. 自分  2. 証券会社からの連絡", "Who noticed first? 1. me  2. the broker told me", 2) == 2 ? NoticedBy.Broker : NoticedBy.Customer;
        return new IncidentContext
        {
            BrokerId = broker?.Id,
            NoticedBy = noticedBy,
            WithdrawalSeen = dialog.AskYesNo("身に覚えのない出金がありましたか?", "Was there a withdrawal you did not make?") == true,
            WithdrawalAccountChangeSeen = dialog.AskYesNo("出金先の銀行口座が変えられていましたか?", "Was the withdrawal bank account changed?") == true,
            TradingStillPossible = dialog.AskYesNo("今もその口座で取引できますか?", "Can the account still trade?", allowUnknown: true),
            PasswordReusedElsewhere = dialog.AskYesNo("同じパスワードを他のサービスでも使っていますか?", "Do you use the same password anywhere else?", allowUnknown: true),
            LargeLoss = dialog.AskYesNo("被害額は大きいですか(弁護士への相談を考える程度)?", "Is the loss large (enough to think of a lawyer)?", allowUnknown: true),
            DiscoveredAt = clock.GetLocalNow(),
        };
    }

    private void Walk()
    {
        var tracker = _tracker!;
        var total = tracker.Plan.Steps.Count;
        foreach (var step in tracker.Plan.Steps.Where(s => !tracker.Status.Done.Contains(s)).ToList())
        {
            dialog.Say("");
            dialog.Say($"[{step.Order}/{total}] {Urgency(step.Urgency)}: {step.Title.In(dialog.Culture)}");
            dialog.Say("  " + step.Action.In(dialog.Culture));
            dialog.Say(T("  目的: ", "  Why: ") + step.Purpose.In(dialog.Culture));
            foreach (var contact in step.Contacts)
            {
                var phone = contact.Phone is null ? "" : " ☎ " + contact.Phone;
                var hours = contact.Hours is { } h ? ", " + h.In(dialog.Culture) : "";
                dialog.Say(T("  連絡先: ", "  Contact: ") + contact.Organisation.In(dialog.Culture) + phone + hours);
            }

            if (step.FindContactSafely is { } find) dialog.Say(T("  連絡先の調べ方: ", "  Finding the number: ") + find.In(dialog.Culture));
            dialog.Say(T("  完了の目安: ", "  Done when: ") + step.DoneWhen.In(dialog.Culture));
            var answer = dialog.Ask("済んだら y、後回しにするなら n、メニューに戻るなら q", "y when done, n to leave it for later, q for the menu").ToLowerInvariant();
            if (answer is "q") return;
            if (answer is not ("y" or "yes" or "はい")) continue;

            tracker = KeepEvidence(tracker, step).MarkDone(step.Id, clock.GetLocalNow());
            _tracker = tracker;
            Save();
            dialog.Say(Progress(tracker));
            if (step.Id == CompensationStep
                && dialog.AskYesNo("補償の見通しを今ここで確認しますか?", "Shall we look at the compensation outlook now?") == true)
            {
                compensation.Run();
            }
        }

        var status = tracker.Status;
        dialog.Say("");
        if (status.Next is { } next)
        {
            dialog.Say($"残っている手順があります。次は「{next.Title.Ja}」です。メニューの 1 でいつでも続けられます。", $"Some steps are left; next is \"{next.Title.En}\". Choose 1 in the menu to go on.");
            return;
        }

        dialog.Say("すべての手順が済みました。", "Every step is done.");
        foreach (var missing in status.Missing)
        {
            dialog.Say(T("  まだ保存していないもの: ", "  Still to keep: ") + missing.Item.Description.In(dialog.Culture));
        }

        dialog.Say(ResponsePlan.Disclaimer);
    }

    private ResponseTracker KeepEvidence(ResponseTracker tracker, ResponseStep step)
    {
        foreach (var item in step.Evidence)
        {
            if (item.Id == CallLog)
            {
                var who = dialog.Ask("電話の相手(部署・氏名)を記録します。空欄でスキップ", "Log the call: department and name of the person (empty to skip)");
                if (who.Length == 0) continue;
                var what = dialog.Ask("話した内容・受付番号", "What was said, and any reference number");
                var organisation = (step.Contacts.Count > 0 ? step.Contacts[0].Organisation.In(dialog.Culture) : null) ?? tracker.Plan.Broker?.Name.In(dialog.Culture) ?? "-";
                tracker = tracker.LogCall(new CallRecord(clock.GetLocalNow(), Clip(organisation), Clip(who), Clip(what.Length == 0 ? "-" : what)));
                continue;
            }

            if (tracker.Progress.Items.Any(i => i.ItemId == item.Id)) continue;
            if (item.RecordsValue)
            {
                var question = T("記録: ", "Record: ") + item.Description.In(dialog.Culture) + T(" (空欄でスキップ)", " (empty to skip)");
                var value = dialog.Ask(question, question);
                if (value.Length > 0) tracker = tracker.Record(item.Id, Clip(value, ResponseTracker.MaxValueLength), clock.GetLocalNow());
            }
            else if (T("保存しましたか: ", "Kept? ") + item.Description.In(dialog.Culture) is var kept && dialog.AskYesNo(kept, kept) == true)
            {
                tracker = tracker.Record(item.Id, at: clock.GetLocalNow());
            }
        }

        return tracker;
    }

    private string Progress(ResponseTracker tracker)
    {
        var done = tracker.Status.Done.Count;
        var total = tracker.Plan.Steps.Count;
        var bar = new string('#', done * 20 / total).PadRight(20, '.');
        return T($"進捗 [{bar}] {done}/{total} 完了", $"Progress [{bar}] {done} of {total} done");
    }

    private void Save()
    {
        if (progressFile is not null && _tracker is not null) File.WriteAllText(progressFile, _tracker.ToJson());
    }

    private string Urgency(Urgency urgency) => urgency switch
    {
        TakeoverRules.Response.Urgency.Now => T("今すぐ", "Now"),
        TakeoverRules.Response.Urgency.Today => T("今日中", "Today"),
        _ => T("数日以内", "Within days"),
    };

    private string T(string ja, string en) => dialog.Pick(ja, en);

    private static string Clip(string text, int max = ResponseTracker.MaxTextLength) => text.Length <= max ? text : text[..max];
}
