/**
 * Campaign consolidation: one campaign, one incident. The detectors ({@code correlate}) each see a campaign through
 * their own key (a link, a hashtag, a text cluster, a category); here their findings are joined into connected
 * components by an explainable pairwise criterion (shared accounts, shared content, nearby windows, a span cap) and the
 * queue receives one incident per campaign, with the findings as its evidence. Free of Flink: the logic
 * ({@link org.varsel.pipeline.campaign.Campaigns}) works on a small state interface
 * ({@link org.varsel.pipeline.campaign.CampaignState}); {@code operators.CampaignFunction} holds it in Flink state on
 * one key and sends {@link org.varsel.pipeline.campaign.CampaignChange}s, from which
 * {@link org.varsel.pipeline.campaign.CampaignIncidents} ({@code operators.CampaignIncidentFunction}, keyed by campaign)
 * builds each campaign's incident when the queue is to hear of it: news at once, churn once per emit interval.
 * See docs/incidents.md, "Campaigns".
 */
package org.varsel.pipeline.campaign;
