use super::*;
use crate::convert::{coref, lexicon, names, sentences};

/// Claims of a text, one paragraph per line, as (speaker name, reported-by name, stance, text).
fn claims(text: &str) -> Vec<(String, Option<String>, Stance, String)> {
    let lex = lexicon::get();
    let mut paragraphs = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        paragraphs.push(at..at + line.len());
        at += line.len() + 1;
    }
    let sentences = sentences::split(text, &paragraphs, lex);
    let doc = Doc::new(text, &sentences, lex);
    let mentions = names::find(&doc, lex);
    let ents = coref::Entities::resolve(&doc, &mentions, None, lex);
    let a = find(&doc, &mentions, &ents, lex);
    let name = |sp: Speaker| match sp {
        Speaker::Entity(e) => ents.list[e].name.clone(),
        Speaker::Unnamed(u) => a.unnamed[u].name.clone(),
    };
    a.claims.iter().map(|c| (name(c.speaker), c.reported_by.map(name), c.stance, c.text.clone())).collect()
}

fn said(text: &str) -> Vec<(String, String)> {
    claims(text).into_iter().map(|c| (c.0, c.3)).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn both_orders_inverted_and_according_to() {
    assert_eq!(
        said(
            "Dana Kowalski said the plant would close.\n\
             “It will reopen,” said Dana Kowalski.\n\
             Prices will fall, the Halvard Institute said on Tuesday.\n\
             According to the Halvard Institute, prices fell."
        ),
        pairs(&[
            ("Dana Kowalski", "The plant would close."),
            ("Dana Kowalski", "It will reopen."),
            ("Halvard Institute", "Prices will fall."),
            ("Halvard Institute", "Prices fell."),
        ])
    );
}

#[test]
fn told_whoever_before_that_and_asides_of_age_and_home_town() {
    assert_eq!(
        said(
            "Deputies arrested Aron Tolvik on Friday. Tolvik, 31, of Dunmore, told deputies that he hit a \
             man."
        ),
        pairs(&[("Aron Tolvik", "He hit a man.")])
    );
    assert_eq!(
        said("Mara Lind told the county board that the road would reopen."),
        pairs(&[("Mara Lind", "The road would reopen.")])
    );
}

#[test]
fn a_cue_word_inside_a_name_is_part_of_it() {
    // "States" and "Reports" are cue words, but not inside "the United States" or "Harbour Reports".
    assert_eq!(
        said("Canada, the largest supplier of steel to the United States, announced tariffs on wood."),
        pairs(&[("Canada", "Announced tariffs on wood.")])
    );
    // Without an aside the act reads with its doer.
    assert_eq!(
        said("Norland announced 20 per cent tariffs on wood."),
        pairs(&[("Norland", "Norland announced 20 per cent tariffs on wood.")])
    );
    assert_eq!(
        said("Norland reported its quarterly earnings at 51 cents a share."),
        pairs(&[("Norland", "Norland reported its quarterly earnings at 51 cents a share.")])
    );
    // A clause after it is what was announced.
    assert_eq!(
        said("Norland announced that tariffs would rise."),
        pairs(&[("Norland", "Tariffs would rise.")])
    );
}

#[test]
fn a_named_actor_s_decision_is_its_claim_an_unnamed_phrase_s_is_not() {
    assert_eq!(
        said("The Central Bank raised its main rate by 0.25 percentage points on Tuesday."),
        pairs(&[("Central Bank", "Central Bank raised its main rate by 0.25 percentage points on Tuesday.")])
    );
    // A description that points back to the named body decides for it.
    assert_eq!(
        said(
            "The Nordic Grain Board (NGB) said stocks fell. The Oslo-based board, in its monthly bulletin, \
             lowered its harvest forecast to 900,000 tonnes."
        ),
        pairs(&[
            ("Nordic Grain Board", "Stocks fell."),
            ("Nordic Grain Board", "Lowered its harvest forecast to 900,000 tonnes.")
        ])
    );
    assert_eq!(said("Some farmers raised their prices in May."), pairs(&[]));
    // After a verb a decision word is an adjective.
    assert_eq!(
        said("Norland confirmed increased arms transfers to Tarvo."),
        pairs(&[("Norland", "Increased arms transfers to Tarvo.")])
    );
}

#[test]
fn an_infinitive_or_a_warning_s_subject_is_what_was_said() {
    assert_eq!(
        said("The Transport Ministry of Tarvo pledged to use all the records for a full inquiry."),
        pairs(&[(
            "Transport Ministry of Tarvo",
            "Transport Ministry of Tarvo pledged to use all the records for a full inquiry."
        )])
    );
    assert_eq!(
        said("Ana Brel warned of \"strong winds\" before the race."),
        pairs(&[("Ana Brel", "Of \"strong winds\" before the race.")])
    );
    // "to" before a noun is still an audience or a place.
    assert_eq!(
        said("Ana Brel said to reporters that the race was off."),
        pairs(&[("Ana Brel", "The race was off.")])
    );
}

#[test]
fn a_title_written_like_a_function_word_and_a_lower_case_description_belong_to_the_speaker() {
    assert_eq!(
        said("“It is a rare find,” said Dr Karim Nassar, director general of the Tarvo Museum."),
        pairs(&[("Karim Nassar", "It is a rare find.")])
    );
    assert_eq!(
        said("“The road is covered by ash,” local rescuer Budi Hakim said, per the Harbour Post."),
        pairs(&[("Budi Hakim", "The road is covered by ash.")])
    );
}

#[test]
fn an_attribution_that_interrupts_a_statement_keeps_both_halves() {
    assert_eq!(
        said("Ana Brel spoke at noon. Along with the trials, she said, earnings reports can move the price."),
        pairs(&[("Ana Brel", "Along with the trials, earnings reports can move the price.")])
    );
    // Not a participle, a source or a time after it.
    let adding = said("Ana Brel spoke at noon. The trials went well, she said, adding that sales rose.");
    assert!(adding.iter().all(|(_, text)| !text.contains("adding")), "{adding:?}");
    assert_eq!(
        said("Ana Brel spoke at noon. That plan, Ana Brel said, met with scepticism among investors."),
        pairs(&[("Ana Brel", "That plan met with scepticism among investors.")])
    );
    assert_eq!(
        said("That plan, the Halden Post reported, met with scepticism among investors."),
        pairs(&[("Halden Post", "That plan met with scepticism among investors.")])
    );
    assert_eq!(
        said("Ana Brel spoke at noon. The trials went well, she said, on Monday."),
        pairs(&[("Ana Brel", "The trials went well.")])
    );
}

#[test]
fn a_pronoun_after_a_quotation_is_not_someone_the_quotation_names() {
    assert_eq!(
        said("Mara Lind spoke first. “Tom Reyes is wrong,” she said."),
        pairs(&[("Mara Lind", "Tom Reyes is wrong.")])
    );
    // "said that" takes the clause whatever opens it; "telling X" names the audience.
    assert_eq!(
        said("The Tarvo Board said that in the absence of proof, the charges would be dropped."),
        pairs(&[("Tarvo Board", "In the absence of proof, the charges would be dropped.")])
    );
    assert_eq!(
        said("Mara Lind spoke first. “Tom Reyes is lying,” she said and added, “He is wrong.”"),
        pairs(&[("Mara Lind", "Tom Reyes is lying.")])
    );
    assert_eq!(
        said("Mara Lind spoke first, telling Harbour Post, “The vote was fair.”"),
        pairs(&[("Mara Lind", "The vote was fair.")])
    );
}

#[test]
fn the_company_after_a_statement_is_the_body_the_statement_opens_with() {
    assert_eq!(
        said("Lumora raised $2 billion in a round led by Thrive Capital, the company said on Wednesday."),
        pairs(&[("Lumora", "Lumora raised $2 billion in a round led by Thrive Capital.")])
    );
}

#[test]
fn a_company_described_by_its_home_town_and_state_is_the_company_named_before() {
    assert_eq!(
        said(
            "Quorvo Inc. was a washout with investors on Monday.\n\
             The Dunmore, Penn.-based company reported a loss for the quarter."
        ),
        pairs(&[("Quorvo Inc", "The Dunmore, Penn.-based company reported a loss for the quarter.")])
    );
}

#[test]
fn a_participle_after_an_article_is_an_adjective_of_the_description() {
    assert_eq!(
        said(
            "Quorvo Inc. missed its forecast on Monday.\n\
             Yet the beleaguered tech outfit maintained that demand was strong."
        ),
        pairs(&[("Quorvo Inc", "Demand was strong.")])
    );
}

#[test]
fn an_adverb_between_a_speaker_and_the_verb_is_skipped() {
    assert_eq!(
        said("Ana Brel spoke at noon. Brel instead said that costs had risen."),
        pairs(&[("Ana Brel", "Costs had risen.")])
    );
    assert_eq!(
        said("The bank's economists flatly denied that rates would rise."),
        pairs(&[("Bank's economists", "Rates would rise.")])
    );
}

#[test]
fn a_statement_cut_before_its_attribution_leaves_no_preposition_dangling() {
    assert_eq!(
        said(
            "Quorvo Inc. missed its forecast. Yet the company maintained that its figures were sound, with one \
             spokesperson telling reporters that sales were strong."
        ),
        pairs(&[("Quorvo Inc", "Its figures were sound."), ("Spokesperson", "Sales were strong.")])
    );
}

#[test]
fn a_figure_before_an_unnamed_speaker_is_no_part_of_its_name() {
    assert_eq!(
        said(
            "Growth was 9 percent, well below the 13 percent analysts had expected. Analysts said demand fell in May."
        ),
        pairs(&[("Analysts", "Demand fell in May.")])
    );
    // A cue's bare form after "said" is a noun ("demand"), and the month is no "may".
    assert_eq!(
        claims("Analysts said demand fell in May."),
        [("Analysts".to_string(), None, Stance::Asserts, "Demand fell in May.".to_string())]
    );
}

#[test]
fn a_long_description_after_a_quotation_and_a_modifier_name_inside_a_description() {
    assert_eq!(
        said(
            "“We remain focused on the deal,” the company's finance chief and executive director Mara Lind said."
        ),
        pairs(&[("Mara Lind", "We remain focused on the deal.")])
    );
    assert_eq!(
        said(
            "Lumora Holdings PLC bought Tarvo Labs. The FTSE 100 drugs giant said the deal would close soon."
        ),
        pairs(&[("Lumora Holdings PLC", "The deal would close soon.")])
    );
}

#[test]
fn a_quotation_over_three_sentences_is_its_closing_speakers_and_a_description_the_last_speaker() {
    assert_eq!(
        said("Mara Lind spoke. “We are glad. We are ready. We will sign,” the finance chief Tom Reyes said."),
        pairs(&[
            ("Tom Reyes", "We are glad."),
            ("Tom Reyes", "We are ready."),
            ("Tom Reyes", "We will sign.")
        ])
    );
    assert_eq!(
        said(
            "Lumora Holdings PLC (LON:LUM) said its bid for Tarvo Labs Inc was cleared. The drugs giant said more \
             clearances were pending."
        ),
        pairs(&[
            ("Lumora Holdings PLC", "Its bid for Tarvo Labs Inc was cleared."),
            ("Lumora Holdings PLC", "More clearances were pending.")
        ])
    );
}

#[test]
fn a_nickname_in_a_name_is_no_quotation() {
    assert_eq!(
        said("Councilman Isaac \"Ike\" Brandt said the fire was out."),
        pairs(&[("Isaac \"Ike\" Brandt", "The fire was out.")])
    );
}

#[test]
fn a_document_from_a_body_is_the_body_s() {
    assert_eq!(
        said(
            "Tarvo Fire Rescue arrived at noon. The blaze began in a kitchen, according to a news release from Tarvo Fire Rescue."
        ),
        pairs(&[("Tarvo Fire Rescue", "The blaze began in a kitchen.")])
    );
}

#[test]
fn a_bare_verb_before_a_title_is_a_modifier() {
    assert_eq!(
        said("One barn has burned, fire district spokesman Carl Benning said."),
        pairs(&[("Carl Benning", "One barn has burned.")])
    );
}

#[test]
fn an_inverted_description_and_told_reporters() {
    assert_eq!(
        said(
            "Shares of grocer Mardell fell.\n\
             The merger will lower prices, said the grocer.\n\
             Mayor Ann Lee told reporters on Friday that the roads were safe."
        ),
        pairs(&[("Mardell", "The merger will lower prices."), ("Ann Lee", "The roads were safe.")])
    );
}

#[test]
fn unnamed_speakers_are_named_by_their_phrase_and_one_head_is_one_speaker() {
    let found = said(
        "The fund is oversubscribed, according to people familiar with the matter.\n\
         Two banks will join, the people said.\n\
         One of the people said that demand was strong.\n\
         Quorvo Corp. declined to comment, but a company spokesperson said talks continue.",
    );
    assert_eq!(
        found,
        pairs(&[
            ("People familiar with the matter", "The fund is oversubscribed."),
            ("People familiar with the matter", "Two banks will join."),
            ("People familiar with the matter", "Demand was strong."),
            ("Quorvo Corp spokesperson", "Talks continue."),
        ])
    );
}

#[test]
fn pronouns_point_back_by_kind() {
    assert_eq!(
        said(
            "Ankara opposes the sanctions and has ties with Moscow and Kyiv.\n\
             It has also criticised Russia's invasion.\n\
             Minister Lena Okafor arrived late. She said the talks had failed."
        ),
        pairs(&[("Turkey", "Criticised Russia's invasion."), ("Lena Okafor", "The talks had failed.")])
    );
}

#[test]
fn a_quotation_over_two_sentences_is_its_closing_speakers() {
    assert_eq!(
        said(
            "\"When the jury says guilty, the appeal goes on. When the jury says not guilty, that's the end,\" said District Attorney Jon Berg.\n\
             \"It ties my hands,\" said Altman, who will appeal."
        ),
        pairs(&[
            ("Jon Berg", "When the jury says guilty, the appeal goes on."),
            ("Jon Berg", "When the jury says not guilty, that's the end."),
            ("Altman", "It ties my hands."),
        ])
    );
}

#[test]
fn colon_quotes_and_a_quotation_sentence_continuing_the_speaker() {
    assert_eq!(
        said("Coach Erik van Dam said: “We win together. We lose together.”\n“They can't be a goal.”"),
        pairs(&[
            ("Erik van Dam", "We win together."),
            ("Erik van Dam", "We lose together."),
            ("Erik van Dam", "They can't be a goal."),
        ])
    );
}

#[test]
fn an_issued_statement_is_its_issuers_and_documents_speak_for_their_owner() {
    let found = said(
        "The Harbour Authority issued the following statement on Monday:\n\
         The port is open to all ships.\n\
         We have never closed it.\n\
         Tarvo Ministry data showed exports rose.",
    );
    assert_eq!(
        found,
        pairs(&[
            ("Harbour Authority", "The port is open to all ships."),
            ("Harbour Authority", "We have never closed it."),
            ("Tarvo Ministry", "Exports rose."),
        ])
    );
}

#[test]
fn an_outlet_relaying_a_speaker_is_reported_by() {
    let found = claims("Police said three bodies were found, Radio Tarvo reported.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Police");
    assert_eq!(found[0].1.as_deref(), Some("Radio Tarvo"));
    assert_eq!(found[0].3, "Three bodies were found.");
}

#[test]
fn the_speaker_of_she_claimed_x_had_is_she() {
    let found = said("Minister Lena Okafor spoke first. She claimed Norway had broken the treaty.");
    assert_eq!(found, pairs(&[("Lena Okafor", "Norway had broken the treaty.")]));
}

#[test]
fn asides_between_speaker_and_verb_are_peeled() {
    assert_eq!(
        said(
            "Tarvo, the largest grain exporter, meanwhile, accused Norway of hoarding.\n\
             Lena Okafor, finance minister of Tarvo, a major producer, said prices would fall.\n\
             \"Stocks are low,\" the Grain Statistics Office, a unit within the Tarvo Ministry, said in a release."
        ),
        pairs(&[
            ("Tarvo", "Accused Norway of hoarding."),
            ("Lena Okafor", "Prices would fall."),
            ("Grain Statistics Office", "Stocks are low."),
        ])
    );
}

#[test]
fn an_apposition_left_open_speaks_for_the_name_before_it() {
    assert_eq!(
        said(
            "\"Everyone must leave,\" Anna Berg, the head of the agency's data, maps and alerts centre said."
        ),
        pairs(&[("Anna Berg", "Everyone must leave.")])
    );
}

#[test]
fn as_x_notes_a_person_s_camp_and_the_report_of_who_reported() {
    assert_eq!(
        said(
            "As the Harbour Gazette notes, more than half of the members voted against.\n\
             Mr Halden's camp, however, said it had won.\n\
             Tarvo News reported the talks had failed. The report said a deal was unlikely."
        ),
        pairs(&[
            ("Harbour Gazette", "More than half of the members voted against."),
            ("Halden", "It had won."),
            ("Tarvo News", "The talks had failed."),
            ("Tarvo News", "A deal was unlikely."),
        ])
    );
}

#[test]
fn a_participle_speaks_for_the_subject_after_an_opening_clause_or_for_the_opening_phrase() {
    assert_eq!(
        said(
            "Before leaving the base, Captain Ines Roth thanked the crew, saying, \"We did it together.\"\n\
             Families of the miners questioned the company's account, calling for an inquiry."
        ),
        pairs(&[("Ines Roth", "We did it together."), ("Families of the miners", "Calling for an inquiry.")])
    );
}

#[test]
fn the_agent_of_a_passive_cue_speaks_and_a_place_that_acts_speaks() {
    let found =
        said("Turnout was 61 percent, as announced by the Tarvo Election Board. Ohio reported two cases.");
    assert_eq!(found[0].0, "Tarvo Election Board");
    assert_eq!(found[1], ("Ohio".to_string(), "Ohio reported two cases.".to_string()));
}

#[test]
fn participles_passives_and_negations_are_no_statements() {
    assert!(said("The reported talks stalled. He was accused of fraud. She did not say why.").is_empty());
}
#[test]
fn a_quotation_over_paragraphs_is_its_closing_speakers_and_a_bracket_before_the_verb_is_skipped() {
    assert_eq!(
        said(
            "Dana Kowalski spoke.\n\
             \"I want to clarify that the plant will stay open.\n\
             \"I can confirm that it exists.\n\
             \"However, we did not lie to the workers,\" she told a press conference."
        ),
        pairs(&[
            ("Dana Kowalski", "I want to clarify that the plant will stay open."),
            ("Dana Kowalski", "I can confirm that it exists."),
            ("Dana Kowalski", "However, we did not lie to the workers."),
        ])
    );
    assert_eq!(
        said("Dana Kowalski (D-Ohio) said the plant would close next year."),
        pairs(&[("Dana Kowalski", "The plant would close next year.")])
    );
}

#[test]
fn a_time_between_the_doer_and_the_verb_keeps_the_doer() {
    // when_said: "last night", "on Tuesday" between a name and its verb; a word opening the sentence
    // before them is a name.
    assert_eq!(
        said(
            "Tarvo last night reported higher quarterly revenue.\nQuorvo on Tuesday reported that sales rose."
        ),
        pairs(
            &[("Tarvo", "Tarvo last night reported higher quarterly revenue."), ("Quorvo", "Sales rose."),]
        )
    );
}

#[test]
fn a_lone_person_noun_without_an_article_modifies_the_next_noun_and_does_not_speak() {
    // "analyst estimates" is a noun; "that" before a verb is a relative pronoun.
    assert_eq!(
        said(
            "Tarvo posted revenue that beat average analyst estimates.\nAn analyst estimates that sales will fall."
        ),
        pairs(&[
            ("Tarvo", "Tarvo posted revenue that beat average analyst estimates."),
            ("Analyst", "Sales will fall."),
        ])
    );
}

#[test]
fn a_title_without_a_name_is_the_person_titled_so_or_an_unnamed_one() {
    // A run ending in a title with no name names no one itself: "the Prime Minister" is the one person
    // with that role, "the Dunmore MP" someone unnamed, and "he" after them is them.
    assert_eq!(
        said(
            "Prime Minister Ada Lorne spoke on Monday. The Prime Minister said taxes would fall.\n\
             The Dunmore MP said the plan was wrong. He said it would fail."
        ),
        pairs(&[
            ("Ada Lorne", "Taxes would fall."),
            ("Dunmore MP", "The plan was wrong."),
            ("Dunmore MP", "It would fail."),
        ])
    );
}

#[test]
fn according_to_a_pronoun_is_the_speaker_before() {
    assert_eq!(
        said(
            "The Minority Chief Whip, Alhaji Karim Osei has refuted claims that the minority is weak.\n\
             According to him, those claims are unfounded."
        ),
        pairs(&[
            ("Karim Osei", "Refuted claims that the minority is weak."),
            ("Karim Osei", "Those claims are unfounded."),
        ])
    );
}

#[test]
fn a_title_split_by_commas_before_the_name_and_a_relative_clause_with_commas_after_it() {
    assert_eq!(
        said(
            "“The deal is done,” said Halvorsen Systems CEO, chairman and president Dana E. Moor.\n\
             Moor, who has visited Ulm, Hale and Tarvo to discuss the deal, added that talks went well."
        ),
        pairs(&[("Dana E. Moor", "The deal is done."), ("Dana E. Moor", "Talks went well.")])
    );
}

#[test]
fn it_is_the_body_that_spoke_just_before_and_results_a_body_logs_are_its_claims() {
    // "The Vienna-based agency" names no entity itself, but it spoke: "it" in the next sentence is it.
    assert_eq!(
        said(
            "The Halvard Agency lowered its forecast. The Vienna-based agency, in its monthly report, lowered \
             its outlook to 5 bpd. However, it raised its supply forecast to 4.1 million bpd.\n\
             Quorvo logged earnings of $2.1bn in the quarter."
        ),
        pairs(&[
            ("Halvard Agency", "Halvard Agency lowered its forecast."),
            ("Halvard Agency", "Lowered its outlook to 5 bpd."),
            ("Halvard Agency", "It raised its supply forecast to 4.1 million bpd."),
            ("Quorvo", "Quorvo logged earnings of $2.1bn in the quarter."),
        ])
    );
}

#[test]
fn people_familiar_with_the_matter_the_person_and_those_polled_speak() {
    assert_eq!(
        said(
            "People familiar with the matter said the deal was done.\n\
             The deal values Quorvo at $90 billion, people familiar with the matter told Tarvo News.\n\
             The talks were off, sources close to the talks said.\n\
             Economists polled by Tarvo News had forecast 210,000 new jobs."
        ),
        pairs(&[
            ("People familiar with the matter", "The deal was done."),
            ("People familiar with the matter", "The deal values Quorvo at $90 billion."),
            ("Sources close to the talks", "The talks were off."),
            ("Economists", "Forecast 210,000 new jobs."),
        ])
    );
    assert_eq!(
        said("Two funds are expected to join, the person said."),
        pairs(&[("Person", "Two funds are expected to join.")])
    );
}

#[test]
fn a_list_of_speakers_ends_in_and_quantifiers_lead_to_the_head_and_an_aside_s_participle_speaks() {
    // coordination: a name before a lone comma is no co-speaker.
    assert_eq!(
        said(
            "Spokesperson Dana Moor spoke. Tarvo is implementing the resolutions of the Security Council, Moor said."
        ),
        pairs(&[("Dana Moor", "Tarvo is implementing the resolutions of the Security Council.")])
    );
    // partitive "of" and a participle in an aside, cut at the aside's close.
    assert_eq!(
        said("Many of the defendants, calling the trial a staged farce, had refused to testify."),
        pairs(&[("Many of the defendants", "Calling the trial a staged farce.")])
    );
}

#[test]
fn a_gap_of_several_words_a_body_before_its_head_and_it_after_an_unnamed_body() {
    assert_eq!(
        said(
            "The National Unity Front (NUF) met on Monday. Kenya's opposition NUF party has denied \
             reports it was in talks.\n\
             The ruling party has in turn said there was fraud in the west. However, it has said that the \
             election was sound."
        ),
        pairs(&[
            ("National Unity Front", "Denied reports it was in talks."),
            ("Ruling party", "There was fraud in the west."),
            ("Ruling party", "The election was sound."),
        ])
    );
}

#[test]
fn results_with_no_speaker_are_the_company_s_the_story_is_about() {
    // results_nouns: the company named most, not the analyst's firm named just before.
    assert_eq!(
        said(
            "Quorvo Inc posted higher profit. Quorvo Inc said costs fell.\n\
             “The numbers look good,” said Dana Ilves, analyst at Halvard Capital Inc.\n\
             Revenue fell 4.2 per cent to $3.6 billion.\n\
             Shares fell 2 per cent."
        ),
        pairs(&[
            ("Quorvo Inc", "Quorvo Inc posted higher profit."),
            ("Quorvo Inc", "Costs fell."),
            ("Dana Ilves", "The numbers look good."),
            ("Quorvo Inc", "Revenue fell 4.2 per cent to $3.6 billion."),
        ])
    );
}

#[test]
fn a_courtesy_title_before_the_speaker_after_a_quote() {
    assert_eq!(
        said("Dana Moor spoke first.\n“The plan is late again,” Mr Moor said."),
        pairs(&[("Dana Moor", "The plan is late again.")])
    );
}

#[test]
fn a_second_verb_of_saying_after_but_starts_the_statement() {
    assert_eq!(
        said("Dana Moor agreed, but said the harbour plan came too late."),
        pairs(&[("Dana Moor", "The harbour plan came too late.")])
    );
    // A speaker inside the statement is no speaker going on from before: the statement is not cut.
    let found =
        said("Tarvo Radio wrote on Monday that farmers have been complaining about the price of seed.");
    assert_eq!(found[0].1, "Farmers have been complaining about the price of seed.", "{found:?}");
}

#[test]
fn titles_joined_by_and_before_an_inverted_speaker_who_told_an_audience() {
    assert_eq!(
        said(
            "Orders slipped in the spring, chairman and managing director Dana Moor told investors on a \
             call."
        ),
        pairs(&[("Dana Moor", "Orders slipped in the spring.")])
    );
}

#[test]
fn a_body_named_before_a_person_s_title_is_the_company_that_speaks_later() {
    assert_eq!(
        said("Tarvo CEO Dana Moor spoke on Friday.\nThe company said revenue fell."),
        pairs(&[("Tarvo", "Revenue fell.")])
    );
}

#[test]
fn plurals_of_professions_in_ist_speak_as_groups() {
    let found = said("Seismologists said the tremor was the longest in a decade.");
    assert_eq!(found, pairs(&[("Seismologists", "The tremor was the longest in a decade.")]));
    let found = said("Some hydrologists fear the river will rise.");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_participle_phrase_between_the_speakers_and_the_verb() {
    let found = said(
        "Engineers tasked with the inquiry said the report was late.\n\
         Diplomats briefed on the talks said a deal was near.\n\
         Tarvo Ministry officials involved in the project said it would open in May.",
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("Engineers", "The report was late."));
    assert_eq!(found[1].1, "A deal was near.");
    assert_eq!(found[2].1, "It would open in May.");
}

#[test]
fn an_apposition_closed_by_a_dash_is_no_part_of_the_statement() {
    assert_eq!(
        said(
            "The river rose faster than in any spring, said Dana Moor, a hydrologist at Tarvo University - a record."
        ),
        pairs(&[("Dana Moor", "The river rose faster than in any spring.")])
    );
}

#[test]
fn an_infinitive_after_a_promise_and_a_relative_clause_after_an_age() {
    assert_eq!(
        said("In a televised address, President Dana Moor vowed to rebuild the harbour."),
        pairs(&[("Dana Moor", "President Dana Moor vowed to rebuild the harbour.")])
    );
    assert_eq!(
        said("Oren Hale, 54, who has led the party since 2019, said he would stand again."),
        pairs(&[("Oren Hale", "He would stand again.")])
    );
}

#[test]
fn told_an_audience_a_clause_without_that_and_a_participle_s_aside() {
    assert_eq!(
        said("Dana Moor told Tarvo Radio the border would stay closed."),
        pairs(&[("Dana Moor", "The border would stay closed.")])
    );
    assert_eq!(
        said("A spokesman for the ministry told reporters the border would stay closed."),
        pairs(&[("Spokesman for the ministry", "The border would stay closed.")])
    );
    assert_eq!(
        said("Dana Moor, speaking on state television, said the border would stay closed."),
        pairs(&[("Dana Moor", "The border would stay closed.")])
    );
}

#[test]
fn a_company_with_its_corporate_word_and_one_described_by_a_relative_clause() {
    let found = said(
        "Shares of Quorvo fell on Monday.\n\
         Quorvo Inc. said on Thursday it would cut 4,000 jobs.\n\
         Quorvo, which makes chips for cars, said profit fell to $310 million.",
    );
    assert_eq!(
        found,
        pairs(&[("Quorvo Inc", "It would cut 4,000 jobs."), ("Quorvo Inc", "Profit fell to $310 million.")])
    );
}
