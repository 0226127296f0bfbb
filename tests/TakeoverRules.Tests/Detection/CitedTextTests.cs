using CsCheck;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>The per-account store of cited ids and values gives back exactly what was last put in each slot.</summary>
public sealed class CitedTextTests
{
    private static readonly TextSlot[] Slots = [.. Enum.GetValues<TextSlot>(), .. Enumerable.Range(1, SettingSlot.Count - 1).Select(i => TextSlot.Setting + i)];

    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Const<string?>((string?)null),
        Gen.Const<string?>(""),
        Gen.String[Gen.Char.AlphaNumeric, 1, 40].Select(s => (string?)s),
        Gen.String[Gen.Char, 1, 12].Select(s => (string?)s),
        Gen.String[Gen.Char.AlphaNumeric, CitedText.MaxInlineLength - 2, CitedText.MaxInlineLength + 40].Select(s => (string?)s));

    [Fact]
    public void Each_slot_reads_back_its_latest_text_whatever_the_others_hold()
    {
        Gen.Select(Gen.Int[0, Slots.Length - 1], Text).Array[1, 60].Sample(writes =>
        {
            var texts = default(CitedText);
            var model = new Dictionary<TextSlot, string?>();
            foreach (var (index, text) in writes)
            {
                texts.Set(Slots[index], text);
                model[Slots[index]] = string.IsNullOrEmpty(text) ? null : text;
            }

            return Slots.All(slot => texts.Get(slot) == model.GetValueOrDefault(slot) && texts.Has(slot) == (model.GetValueOrDefault(slot) is not null));
        }, iter: 500);
    }

    [Fact]
    public void An_empty_store_has_no_text_in_any_slot()
    {
        var texts = default(CitedText);

        Slots.Should().AllSatisfy(slot => texts.Get(slot).Should().BeNull());
        Slots.Should().NotContain(slot => texts.Has(slot));
    }
}
