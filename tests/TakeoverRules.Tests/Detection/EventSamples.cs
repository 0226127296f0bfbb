using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection;

/// <summary>One event of every type of event format v1, with every optional field set, and ways to move them through streams.</summary>
internal static class EventSamples
{
    public static readonly DateTimeOffset Time = new(2025, 3, 21, 9, 15, 0, TimeSpan.FromHours(9));

    public static IReadOnlyList<AccountEvent> All { get; } =
    [
        new LoginEvent("e1", Time, "A-1001", true, "203.0.113.7", "dev-7f3a", AuthMethod.Sms, LoginChannel.Web)
        {
            Country = "JP",
            Asn = "AS64496",
            Hosting = false,
        },
        new SettingChangedEvent("e2", Time.AddMinutes(1), "A-1001", AccountSetting.LoginNotifications) { Enabled = false },
        new OrderEvent("e3", Time.AddMinutes(2), "A-1001", "o-1", OrderSide.Sell, "TSE:7203", 300, OrderType.Market, 870_000m)
        {
            Margin = false,
            BuyingPowerJpy = 120_000m,
        },
        new ExecutionEvent("e4", Time.AddMinutes(3), "A-1001", "o-1", OrderSide.Sell, "TSE:7203", 300, 2_900.5m, 870_150m),
        new FxConversionEvent("e5", Time.AddMinutes(4), "A-1001", "JPY", "HKD", 990_000m),
        new OrderEvent("e6", Time.AddMinutes(5), "A-1001", "o-2", OrderSide.Buy, "HKEX:08365", 40_000, OrderType.Limit, 940_800m)
        {
            Price = 1.12m,
            Margin = true,
            BuyingPowerJpy = 990_000m,
        },
        new WithdrawalRequestEvent("e7", Time.AddMinutes(6), "A-1001", 50_000m, "bank-0001-1234567"),
        new PortfolioEvent("e8", Time.AddMinutes(7), "A-1001", [new Position("TSE:7203", 300, 870_000m), new Position("TSE:9432", 0, 0m)], 12_345m, 24_690m),
    ];

    public static string ToJsonLines(IEnumerable<AccountEvent> events)
    {
        using var stream = new MemoryStream();
        using (var writer = new EventWriter(stream, leaveOpen: true))
        {
            foreach (var e in events)
            {
                writer.Write(e);
            }
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static List<ReadResult<AccountEvent>> Read(string jsonLines, int maxLineBytes = EventReader.DefaultMaxLineBytes) =>
        Read(System.Text.Encoding.UTF8.GetBytes(jsonLines), maxLineBytes);

    public static List<ReadResult<AccountEvent>> Read(byte[] utf8, int maxLineBytes = EventReader.DefaultMaxLineBytes, int readSize = int.MaxValue) =>
        [.. EventReader.ReadAll(new TrickleStream(utf8, readSize), maxLineBytes)];
}

/// <summary>A read-only stream that returns at most a given number of bytes per read, to test chunk boundaries.</summary>
internal sealed class TrickleStream(byte[] data, int maxPerRead) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, maxPerRead), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
