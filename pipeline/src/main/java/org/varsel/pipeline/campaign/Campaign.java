package org.varsel.pipeline.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * One campaign as keyed state: its findings (incident ids, the first is the founder whose id the campaign keeps), its
 * window and the version last emitted under its id. A Flink POJO.
 */
public class Campaign {
  public String id;
  public List<String> findings = new ArrayList<>();
  public long firstSeen;
  public long lastSeen;
  public long version;

  public Campaign() {}

  static Campaign foundedBy(CampaignMember founder) {
    Campaign campaign = new Campaign();
    campaign.id = founder.incident.id();
    campaign.findings.add(founder.incident.id());
    campaign.firstSeen = founder.firstSeen();
    campaign.lastSeen = founder.lastSeen();
    return campaign;
  }

  void stretchTo(CampaignMember member) {
    firstSeen = Math.min(firstSeen, member.firstSeen());
    lastSeen = Math.max(lastSeen, member.lastSeen());
  }

  /** How far the finding's window lies from the campaign's (0 or less when they overlap). */
  long gapTo(CampaignMember member) {
    return Math.max(firstSeen, member.firstSeen()) - Math.min(lastSeen, member.lastSeen());
  }

  long spanWith(CampaignMember member) {
    return Math.max(lastSeen, member.lastSeen()) - Math.min(firstSeen, member.firstSeen());
  }

  long spanWith(Campaign other) {
    return Math.max(lastSeen, other.lastSeen) - Math.min(firstSeen, other.firstSeen);
  }

  /** Which of two campaigns survives a merge: the earlier one (then the smaller id), whatever order they met in. */
  boolean outlives(Campaign other) {
    return firstSeen != other.firstSeen ? firstSeen < other.firstSeen : id.compareTo(other.id) < 0;
  }
}
