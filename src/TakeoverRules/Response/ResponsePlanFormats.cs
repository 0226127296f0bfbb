using System.Globalization;
using System.Text;
using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>
/// Writes a <see cref="ResponsePlan"/> as a printable Markdown checklist, a short chat message or JSON. Every text that
/// is not a literal of this class (facts, contacts, recorded evidence) goes through <see cref="MarkdownText"/> or
/// <see cref="ChatText"/>.
/// </summary>
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
            text.Append(T(language, "証券会社: ", "Broker: ")).AppendLine(MarkdownText.Inline(plan.Broker.Name.In(language))).AppendLine();
        }

        foreach (var note in plan.Notes)
        {
            text.Append("> ").AppendLine(MarkdownText.Inline(note.In(language))).AppendLine();
        }

        foreach (var step in plan.Steps)
        {
            var done = status?.Done.Contains(step) == true;
            text.Append("- [").Append(done ? 'x' : ' ').Append("] **").Append(step.Order.ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(MarkdownText.Inline(step.Title.In(language))).Append("** (").Append(UrgencyText(step.Urgency).In(language)).Append(") ").AppendLine(MarkdownText.Code(step.Id));
            text.Append("  - ").AppendLine(MarkdownText.Inline(step.Action.In(language)));
            text.Append("  - ").Append(T(language, "目的: ", "Why: ")).AppendLine(MarkdownText.Inline(step.Purpose.In(language)));
            foreach (var contact in step.Contacts)
            {
                text.Append("  - ").Append(T(language, "連絡先: ", "Contact: ")).AppendLine(MarkdownContact(contact, language));
            }

            if (step.FindContactSafely is { } find)
            {
                text.Append("  - ").Append(T(language, "連絡先の調べ方: ", "Finding the contact: ")).AppendLine(MarkdownText.Inline(find.In(language)));
            }

            foreach (var item in step.Evidence)
            {
                var kept = tracker?.Progress.Items.FirstOrDefault(i => i.ItemId == item.Id);
                var recorded = kept is not null || (item.Id == ResponseSteps.CallLog.Id && tracker?.Progress.Calls.Count > 0);
                text.Append("  - [").Append(recorded ? 'x' : ' ').Append("] ").Append(T(language, "保存: ", "Keep: ")).Append(MarkdownText.Inline(item.Description.In(language)));
                if (kept?.Value is { } value) text.Append(" — ").Append(MarkdownText.Inline(value));
                text.AppendLine();
            }

            text.Append("  - ").Append(T(language, "完了の目安: ", "Done when: ")).AppendLine(MarkdownText.Inline(step.DoneWhen.In(language)));
        }

        if (status is { Missing.Count: > 0 })
        {
            text.AppendLine().Append("## ").AppendLine(T(language, "まだ足りないもの", "Still missing"));
            foreach (var missing in status.Missing)
            {
                text.Append("- ").Append(MarkdownText.Inline(missing.Item.Description.In(language))).Append(" (").Append(MarkdownText.Code(missing.StepId)).AppendLine(")");
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
                .Append(ChatText.Inline(step.Title.In(language)));
            var phones = step.Contacts.Where(c => c.Phone is not null).Select(c => ChatText.Inline(c.Phone!)).Distinct().ToList();
            if (phones.Count > 0) text.Append(" ☎ ").Append(string.Join(" / ", phones));
            else if (step.Id == ResponseSteps.ContactBroker) text.Append(T(language, "(公式サイト・アプリで番号を確認)", " (number from the official site or app)"));
            text.AppendLine();
        }

        text.Append(T(language, "メールやSMSのリンク・番号は使わないでください。", "Never use links or numbers from e-mail or SMS."));
        return text.ToString();
    }

    private static string MarkdownContact(ContactPoint contact, CultureInfo? language)
    {
        var text = new StringBuilder(MarkdownText.Inline(contact.Organisation.In(language)));
        if (contact.Phone is not null) text.Append(" ☎ ").Append(MarkdownText.Inline(contact.Phone));
        foreach (var other in contact.OtherNumbers)
        {
            text.Append(" / ").Append(MarkdownText.Inline(other.Number)).Append(" (").Append(MarkdownText.Inline(other.Use.In(language))).Append(')');
        }

        if (contact.Hours is { } hours) text.Append(", ").Append(MarkdownText.Inline(hours.In(language)));
        if (contact.Url is not null) text.Append(", ").Append(MarkdownText.Url(contact.Url.AbsoluteUri));

        // A page without a date was only seen by the data set's date: say "checked", not "as of".
        var seen = contact.AsOfBasis == AsOfBasis.SeenBy;
        text.Append(seen ? T(language, " (", " (checked ") : T(language, " (", " (as of ")).Append(contact.AsOf.ToString())
            .Append(seen ? T(language, "に確認、出典: ", ", source: ") : T(language, "時点、出典: ", ", source: "))
            .Append(MarkdownText.Inline(contact.Source.Publisher)).Append(')');
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
