using System.Globalization;
using System.Text;
using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>Writes a <see cref="ResponsePlan"/> as a printable Markdown checklist, a short chat message or JSON.</summary>
internal static class ResponsePlanFormats
{
    public static string Json(ResponsePlan plan) => ResponseJsonContext.Readable.Write(plan);

    public static string Markdown(ResponsePlan plan, CultureInfo? language, ResponseTracker? tracker)
    {
        var status = tracker?.Status;
        var text = new StringBuilder(8192);
        text.Append("# ").AppendLine(T(language, "証券口座の不正アクセス: 対応チェックリスト", "Securities-account takeover: response checklist")).AppendLine();
        if (plan.Broker is not null)
        {
            text.Append(T(language, "証券会社: ", "Broker: ")).AppendLine(plan.Broker.Name.In(language)).AppendLine();
        }

        foreach (var note in plan.Notes)
        {
            text.Append("> ").AppendLine(note.In(language)).AppendLine();
        }

        foreach (var step in plan.Steps)
        {
            var done = status?.Done.Contains(step) == true;
            text.Append("- [").Append(done ? 'x' : ' ').Append("] **").Append(step.Order.ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(step.Title.In(language)).Append("** (").Append(UrgencyText(step.Urgency).In(language)).Append(") `").Append(step.Id).AppendLine("`");
            text.Append("  - ").AppendLine(step.Action.In(language));
            text.Append("  - ").Append(T(language, "目的: ", "Why: ")).AppendLine(step.Purpose.In(language));
            foreach (var contact in step.Contacts)
            {
                text.Append("  - ").Append(T(language, "連絡先: ", "Contact: ")).AppendLine(Contact(contact, language, withSource: true));
            }

            if (step.FindContactSafely is { } find)
            {
                text.Append("  - ").Append(T(language, "連絡先の調べ方: ", "Finding the contact: ")).AppendLine(find.In(language));
            }

            foreach (var item in step.Evidence)
            {
                var kept = tracker?.Progress.Items.FirstOrDefault(i => i.ItemId == item.Id);
                var recorded = kept is not null || (item.Id == ResponseSteps.CallLog.Id && tracker?.Progress.Calls.Count > 0);
                text.Append("  - [").Append(recorded ? 'x' : ' ').Append("] ").Append(T(language, "保存: ", "Keep: ")).Append(item.Description.In(language));
                if (kept?.Value is { } value) text.Append(" — ").Append(value);
                text.AppendLine();
            }

            text.Append("  - ").Append(T(language, "完了の目安: ", "Done when: ")).AppendLine(step.DoneWhen.In(language));
        }

        if (status is { Missing.Count: > 0 })
        {
            text.AppendLine().Append("## ").AppendLine(T(language, "まだ足りないもの", "Still missing"));
            foreach (var missing in status.Missing)
            {
                text.Append("- ").Append(missing.Item.Description.In(language)).Append(" (`").Append(missing.StepId).AppendLine("`)");
            }
        }

        text.AppendLine().Append('_').Append(ResponsePlan.Disclaimer.In(language)).AppendLine("_");
        return text.ToString();
    }

    public static string Chat(ResponsePlan plan, CultureInfo? language)
    {
        var text = new StringBuilder(1024);
        text.AppendLine(T(language, "不正アクセスの対応(上から順に):", "What to do, in order:"));
        foreach (var step in plan.Steps)
        {
            text.Append(step.Order.ToString(CultureInfo.InvariantCulture)).Append(". [").Append(UrgencyText(step.Urgency).In(language)).Append("] ")
                .Append(step.Title.In(language));
            var phones = step.Contacts.Where(c => c.Phone is not null).Select(c => c.Phone!).Distinct().ToList();
            if (phones.Count > 0) text.Append(" ☎ ").Append(string.Join(" / ", phones));
            else if (step.Id == ResponseSteps.ContactBroker) text.Append(T(language, "(公式サイト・アプリで番号を確認)", " (number from the official site or app)"));
            text.AppendLine();
        }

        text.Append(T(language, "メールやSMSのリンク・番号は使わないでください。", "Never use links or numbers from e-mail or SMS."));
        return text.ToString();
    }

    public static string Contact(ContactPoint contact, CultureInfo? language, bool withSource)
    {
        var text = new StringBuilder(contact.Organisation.In(language));
        if (contact.Phone is not null) text.Append(" ☎ ").Append(contact.Phone);
        foreach (var other in contact.OtherNumbers) text.Append(" / ").Append(other.Number).Append(" (").Append(other.Use.In(language)).Append(')');
        if (contact.Hours is { } hours) text.Append(", ").Append(hours.In(language));
        if (contact.Url is not null) text.Append(", ").Append(contact.Url.AbsoluteUri);
        if (withSource)
        {
            // A page without a date was only seen by the data set's date: say "checked", not "as of".
            var seen = contact.AsOfBasis == AsOfBasis.SeenBy;
            text.Append(seen ? T(language, " (", " (checked ") : T(language, " (", " (as of ")).Append(contact.AsOf.ToString())
                .Append(seen ? T(language, "に確認、出典: ", ", source: ") : T(language, "時点、出典: ", ", source: "))
                .Append(contact.Source.Publisher).Append(')');
        }

        return text.ToString();
    }

    public static BilingualText UrgencyText(Urgency urgency) => urgency switch
    {
        Urgency.Now => new("今すぐ", "now"),
        Urgency.Today => new("今日中", "today"),
        _ => new("数日以内", "within days"),
    };

    private static string T(CultureInfo? language, string ja, string en) => new BilingualText(ja, en).In(language);
}
