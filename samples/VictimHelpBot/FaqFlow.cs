using TakeoverRules.Response;

namespace VictimHelpBot;

/// <summary>The library's FAQ: pick a question, read the sourced answer.</summary>
public sealed class FaqFlow(Dialog dialog)
{
    /// <summary>Lists the questions and answers the chosen ones until 0.</summary>
    public void Run()
    {
        var entries = Faq.Entries;
        while (true)
        {
            dialog.Say("");
            for (var i = 0; i < entries.Count; i++)
            {
                dialog.Say($"  {i + 1}. {entries[i].Question.In(dialog.Culture)}");
            }

            dialog.Say("  0. メニューに戻る", "  0. Back to the menu");
            var choice = dialog.AskChoice("番号", "Number", entries.Count);
            if (choice == 0) return;
            var entry = entries[choice - 1];
            dialog.Say("");
            dialog.Say("Q. " + entry.Question.In(dialog.Culture));
            dialog.Say("A. " + entry.Answer.In(dialog.Culture));
        }
    }
}
