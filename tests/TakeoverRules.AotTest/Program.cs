using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");

// Detection I/O: event format v1 read and written without reflection.
var line = """{"type":"order","id":"e1","time":"2025-03-21T09:15:00+09:00","account":"A1","orderId":"o1","side":"buy","symbol":"TSE:7203","quantity":100,"price":2900,"orderType":"limit","notionalJpy":290000}"""u8;
var read = TakeoverRules.Detection.EventReader.Parse(line);
using (var events = new TakeoverRules.Detection.EventWriter(Stream.Null))
{
    events.Write(read.Value ?? throw new InvalidOperationException(read.Error?.ToString()));
}

Console.WriteLine($"Event format v1: read {read.Value.Type} {read.Value.Id}; bad line -> {TakeoverRules.Detection.EventReader.Parse("{}"u8).Error}");
// Passwords: policy (with the embedded blocklist) and trading PIN checks.
var policy = new TakeoverRules.Passwords.PasswordPolicyChecker(TakeoverRules.Passwords.PasswordPolicy.Nist).Check("password");
var pin = TakeoverRules.Passwords.TradingPinChecker.Check("1234");
Console.WriteLine($"Passwords: policy compliant={policy.IsCompliant}, PIN acceptable={pin.IsAcceptable}");
return 0;
