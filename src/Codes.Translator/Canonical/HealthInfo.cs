namespace HealthCode.Translator.Canonical;

public sealed record HealthInfo(NatInfo? Nat, VaccinationInfo? Vaccination, TravelInfo? Travel);
