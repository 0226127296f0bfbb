using TakeoverRules.Facts;

namespace VictimHelpBot;

/// <summary>Asks which broker the account is with, once per conversation, and remembers the answer.</summary>
public sealed class BrokerQuestion(Dialog dialog, FactsRegistry facts)
{
    private readonly IReadOnlyList<Broker> _brokers = [.. facts.Brokers.OrderBy(b => b.Id, StringComparer.Ordinal)];
    private bool _asked;

    /// <summary>The broker the user named, or <see langword="null"/> when they did not know or it is not in the facts.</summary>
    public Broker? Answer { get; private set; }

    /// <summary>The remembered broker, or asks for it.</summary>
    public Broker? Get(bool required = false)
    {
        if (_asked && (Answer is not null || !required)) return Answer;
        _asked = true;
        dialog.Say("証券会社はどこですか?", "Which broker is the account with?");
        for (var i = 0; i < _brokers.Count; i++)
        {
            dialog.Say($"  {i + 1,2}. {_brokers[i].Name.In(dialog.Culture)} ({_brokers[i].Id})");
        }

        while (true)
        {
            var answer = required
                ? dialog.Ask("番号・ID・名前", "Number, id or name")
                : dialog.Ask("番号・ID・名前 (一覧にない・わからなければ空欄)", "Number, id or name (empty if not listed or unsure)");
            if (answer.Length == 0 && !required) return Answer = null;
            if (Find(answer) is { } broker)
            {
                dialog.Say($"{broker.Name.In(dialog.Culture)} ですね。", $"{broker.Name.In(dialog.Culture)}, then.");
                return Answer = broker;
            }

            dialog.Say("一覧の番号か ID で答えてください。", "Please answer with a number or id from the list.");
        }
    }

    private Broker? Find(string answer)
    {
        if (int.TryParse(answer, out var n) && n >= 1 && n <= _brokers.Count) return _brokers[n - 1];
        if (_brokers.FirstOrDefault(b => string.Equals(b.Id, answer, StringComparison.OrdinalIgnoreCase)) is { } byId) return byId;

        // A part of the name counts only when it names one broker: "SBI" alone could be SBI or SBI Neotrade.
        var byName = _brokers.Where(b => answer.Length >= 2
            && (b.Name.Ja.Contains(answer, StringComparison.OrdinalIgnoreCase) || b.Name.En.Contains(answer, StringComparison.OrdinalIgnoreCase))).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }
}
