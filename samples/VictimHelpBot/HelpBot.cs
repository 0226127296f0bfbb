using TakeoverRules.Facts;
using TakeoverRules.Response;

namespace VictimHelpBot;

/// <summary>The conversation's main menu: what happened, then the flow that helps with it.</summary>
public sealed class HelpBot(Dialog dialog, FactsRegistry facts, TimeProvider clock, string? progressFile = null)
{
    /// <summary>Talks until the user chooses 0 or standard input ends.</summary>
    public void Run()
    {
        var brokers = new BrokerQuestion(dialog, facts);
        var compensation = new CompensationFlow(dialog, facts, brokers);
        var response = new ResponseFlow(dialog, new ResponsePlanner(facts), brokers, compensation, clock, progressFile);
        var links = new LinkFlow(dialog);
        var faq = new FaqFlow(dialog);

        dialog.Say("証券口座の乗っ取り被害の相談ボットです。落ち着いて、ひとつずつ進めましょう。", "This bot helps after a securities-account takeover. Let's go one step at a time.");
        dialog.Say("(メールやSMSのリンク・電話番号は使わず、公式サイトのブックマークか公式アプリから連絡してください。)", "(Never use links or numbers from e-mail or SMS; reach your broker through your bookmark or the official app.)");
        try
        {
            while (true)
            {
                dialog.Say("");
                dialog.Say("何がありましたか?", "What happened?");
                dialog.Say("  1. 身に覚えのない取引・出金・設定変更がある", "  1. I see trades, withdrawals or setting changes I did not make");
                dialog.Say("  2. メール・SMSのリンクが本物か確かめたい", "  2. I want to check a link from an e-mail or SMS");
                dialog.Say("  3. 補償の見通しを知りたい", "  3. I want to know what compensation to expect");
                dialog.Say("  4. よくある質問", "  4. Frequently asked questions");
                dialog.Say("  0. 終了", "  0. Quit");
                switch (dialog.AskChoice("番号", "Number", 4))
                {
                    case 0:
                        Goodbye();
                        return;
                    case 1: response.Run(); break;
                    case 2: links.Run(); break;
                    case 3: compensation.Run(); break;
                    case 4: faq.Run(); break;
                }
            }
        }
        catch (ConversationEndedException)
        {
            Goodbye();
        }
    }

    private void Goodbye() => dialog.Say("お大事に。困ったら、いつでもまた来てください。", "Take care. Come back whenever you need to.");
}
