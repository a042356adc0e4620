"""From one source to its candidate claims: each extracted figure and date, read with its
sentence, the entities around it and the cue words that say what it measures.

`claims_from_source` is a pure function of one source (and the entity registry), so it maps
over a cluster unchanged. Every mention comes back: as a claim when a predicate and a
subject fit it, else among `unclassified` with the reason in its note.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from factcheck.entities import Entity, EntityRegistry, bundled_entities
from factcheck.extract import extract
from factcheck.extract.furniture import furniture_spans
from factcheck.model import (Categorical, Claim, DateRange, Granularity, Kind, Mention,
                             Modality, PartialDate, Provenance, Quantity, Scope, Source,
                             Stance, unit_kind)
from factcheck.text import Span, fold, sentences
from factcheck.vocabulary import (Cues, PhraseMatch, Phrases, Predicate, load_cues,
                                  load_predicates)

UNCLASSIFIED = "unclassified"
# How far a cue may stand from the figure it names (characters, same sentence).
CUE_REACH = 110
AFTER_WEIGHT = 2.5
ORIGINS = frozenset({"founded", "launched"})
# How far a founder's name may stand from "fonde", "fondateur", "founded by".
FOUNDER_REACH = 45
# How far a date may stand before (unless it heads the sentence) or after the figure it dates.
DATE_BEFORE, DATE_AFTER = 100, 40
# How far back a figure's scope, modality and measure words are looked for.
QUALIFIER_BEFORE, QUALIFIER_AFTER = 60, 35
# A quote longer than this is cut to the part of the sentence around the figure.
QUOTE_MAX = 320
# Sentences back in which an anaphor or a missing object is looked for.
LOOK_BACK = 2
NOT_ROLES = frozenset({"media"})
# A company named in the title counts as this many mentions of it, for anaphora.
TITLE_WEIGHT = 2


@attrs.frozen
class SourceClaims:
    """What one source says: comparable claims, and mentions no predicate or subject fits."""

    claims: tuple[Claim, ...]
    unclassified: tuple[Claim, ...]


@attrs.frozen
class _Ref:
    """An entity a sentence names, or points at with "l'entreprise", "cette dernière", "il"."""

    entity: Entity
    start: int
    end: int
    anaphor: bool = False
    pronoun: bool = False


@attrs.frozen
class _Sentence:
    span: Span
    refs: tuple[_Ref, ...]  # non-media entities and resolved anaphors, in order
    media: tuple[Entity, ...]  # outlets named, for attribution
    topic: Entity | None  # what the sentence is about: its first entity, or the last topic
    context: tuple[Entity, ...]  # the topics of the sentences before, most recent first
    stance: Stance
    attributed_to: str | None
    furniture: bool = False  # a caption or a link teaser: no claims, no topic


@attrs.frozen
class _Frame:
    """A transaction a later "cet accord", "this deal" can point back to: who did it with
    whom, and what the words that named it can mean (the predicates of its cue)."""

    subject: Entity
    object: Entity
    predicates: frozenset[str]


def claims_from_source(source: Source, entities: EntityRegistry | None = None) -> SourceClaims:
    """The candidate claims of `source`, from its title and its text."""
    registry = entities if entities is not None else bundled_entities()
    claims: list[Claim] = []
    unclassified: list[Claim] = []
    title_entities = tuple(m.entity for m in registry.find(source.title)) if source.title else ()
    for location, text in (("title", source.title), ("text", source.text)):
        if text:
            passage = _Passage(source, location, text, registry, title_entities)
            found, left = passage.claims()
            claims.extend(found)
            unclassified.extend(left)
    return SourceClaims(tuple(claims), tuple(unclassified))


class _Passage:
    """One text of a source (its title or its body) being read into claims."""

    def __init__(self, source: Source, location: str, text: str, registry: EntityRegistry,
                 title_entities: tuple[Entity, ...] = ()):
        self.source, self.location, self.text = source, location, text
        # how often each company has been named so far: what "l'entreprise" most likely is
        self.salience: Counter[str] = Counter(
            {e.id: TITLE_WEIGHT for e in title_entities if e.kind == "company"})
        self.protagonist = next((e for e in title_entities if e.kind == "company"), None)
        self.folded = fold(text)
        self.cues: Cues = load_cues(source.language)
        self.predicates = load_predicates()
        self.registry = registry
        self.mentions = extract(text, source.language, source.published)
        self.spans = sentences(text) or [Span(0, len(text))]
        self.starts = [s.start for s in self.spans]
        self.complements: dict[int, bool] = {}
        self.cue_cache: dict[int, list[PhraseMatch]] = {}
        cues = self.cues
        # each cue pattern runs once over the passage, its matches kept by sentence
        self.anaphora = {kind: self._bucket(matcher.pattern) for kind, matcher in (
            ("pair", cues.pair_anaphora), ("company", cues.company_anaphora),
            ("latter", cues.latter), ("pronoun", cues.pronouns))}
        self.stances = {stance: set(self._bucket(pattern)) for
                        stance, pattern in ((Stance.RUMOURED, cues.rumour.pattern),
                                            (Stance.CONDITIONAL, cues.conditional),
                                            (Stance.ATTRIBUTED, cues.attribution.pattern))}
        self.sentences = self._read_sentences(registry.find(text, folded=self.folded))
        self.dates: list[list[Mention]] = [[] for _ in self.spans]
        for mention in self.mentions:
            if mention.kind is Kind.DATE and mention.value is not None:
                self.dates[self._index(mention.start)].append(mention)
        self.frame: _Frame | None = None
        self.categorical: list[tuple[Any, dict[int, list[Any]]]] | None = None

    # -- sentences, entities and anaphora ------------------------------------------------

    def _index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def _bucket(self, pattern: re.Pattern[str]) -> dict[int, list[re.Match[str]]]:
        """Matches of one pattern over the whole passage, by sentence: each pattern runs
        once per text, not once per sentence."""
        out: dict[int, list[re.Match[str]]] = {}
        starts, index, last = self.starts, 0, len(self.starts) - 1
        for match in pattern.finditer(self.folded):
            start = match.start()
            while index < last and starts[index + 1] <= start:
                index += 1
            out.setdefault(index, []).append(match)
        return out

    def _read_sentences(self, found: Sequence) -> list[_Sentence]:
        by_sentence: list[list] = [[] for _ in self.spans]
        for mention in found:
            by_sentence[self._index(mention.start)].append(mention)
        furniture = furniture_spans(self.text, self.source.language)
        out: list[_Sentence] = []
        topic: Entity | None = None
        history: list[Entity] = []
        for index, span in enumerate(self.spans):
            context = tuple(reversed(history[-3:]))
            if any(s <= span.start and span.end <= e for s, e in furniture):
                out.append(_Sentence(span, (), (), topic, context, Stance.ASSERTED, None, True))
                continue
            named = by_sentence[index]
            media = tuple(m.entity for m in named if m.entity.kind in NOT_ROLES)
            refs = [_Ref(m.entity, m.start, m.end) for m in named
                    if m.entity.kind not in NOT_ROLES]
            refs = self._resolve_anaphora(span, refs, out, topic)
            self.salience.update(r.entity.id for r in refs
                                 if not r.anaphor and r.entity.kind == "company")
            if refs:
                topic = self._topic(refs)
                if not history or history[-1] != topic:
                    history.append(topic)
            stance, attributed_to = self._stance(index, media)
            out.append(_Sentence(span, tuple(refs), media, topic, context, stance,
                                 attributed_to))
        return out

    def _right_before(self, matcher: Phrases, offset: int, reach: int, *,
                      fillers: bool = False) -> PhraseMatch | None:
        """The phrase of `matcher` that ends right before `offset` (nothing but spaces, or
        with `fillers` articles, between), within `reach` characters: "dans" before
        "OpenAI", "depuis le" before "1er mars"."""
        found = matcher.last(self.folded, max(0, offset - reach), offset)
        if found is None:
            return None
        between = self._fillers_only(found.end, offset) if fillers else \
            not self.folded[found.end:offset].strip()
        return found if between else None

    def _topic(self, refs: Sequence[_Ref]) -> Entity:
        """What a sentence is about: its first entity that is not a complement."""
        return next((r.entity for r in refs if not self._complement(r)), refs[0].entity)

    def _complement(self, ref: _Ref) -> bool:
        """Whether a preposition introduces the entity ("dans OpenAI", "d'OpenAI")."""
        known = self.complements.get(ref.start)
        if known is None:
            known = self._right_before(self.cues.prepositions, ref.start, 16) is not None
            self.complements[ref.start] = known
        return known

    def _resolve_anaphora(self, span: Span, refs: list[_Ref], before: list[_Sentence],
                          topic: Entity | None) -> list[_Ref]:
        taken = [(r.start, r.end) for r in refs]
        found: list[_Ref] = []
        recent = [r for s in before[-LOOK_BACK:] for r in s.refs]
        index = len(before)
        for kind in ("pair", "company", "latter", "pronoun"):
            for hit in self.anaphora[kind].get(index, ()):
                match = Span(hit.start(), hit.end())
                if any(s < match.end and match.start < e for s, e in taken):
                    continue
                if kind == "pronoun" and not self._clause_start(span, match.start):
                    continue
                here = [r for r in refs if r.end <= match.start]
                entities: list[Entity] = []
                if kind == "pair":
                    further = [r for s in before[-2 * LOOK_BACK:] for r in s.refs]
                    entities = self._last_two_companies(further + here)
                elif kind == "company":
                    entity = self._company_meant(match.start, here, recent, topic,
                                                 self._opens_paragraph(span, before))
                    entities = [entity] if entity is not None else []
                elif kind == "latter":
                    earlier = recent + here
                    entities = [earlier[-1].entity] if earlier else []
                elif topic is not None:
                    entities = [topic]
                for entity in entities:
                    found.append(_Ref(entity, match.start, match.end, anaphor=True,
                                      pronoun=kind == "pronoun"))
                if entities:
                    taken.append((match.start, match.end))
        return sorted(refs + found, key=lambda r: r.start)

    def _company_meant(self, at: int, here: list[_Ref], recent: list[_Ref],
                       topic: Entity | None, paragraph_start: bool) -> Entity | None:
        """What "l'entreprise", "la société", "the company" at `at` is: the company this
        sentence names as a subject before it, when a clause opens between them ("OpenAI said
        the company") or a copula links them; at the head of a paragraph, the company the
        text is about (the first its title names); else the most named of the companies just
        mentioned (the previous topic winning a tie), else the most named of the text. A
        description in its own clause's object is never that clause's subject ("Brimeintus
        awarded the startup a contract")."""
        subjects = [r for r in here if r.entity.kind == "company" and not self._complement(r)]
        excluded: set[str] = set()
        if subjects:
            if self._same_clause(subjects[-1].end, at):
                excluded = {r.entity.id for r in subjects}
            else:
                return subjects[0].entity
        if paragraph_start and self.protagonist is not None \
                and self.protagonist.id not in excluded:
            return self.protagonist  # a new paragraph comes back to what the text is about
        candidates: dict[str, Entity] = {}
        if topic is not None and topic.kind == "company":
            candidates[topic.id] = topic
        for ref in reversed(recent + here):
            if ref.entity.kind == "company":
                candidates.setdefault(ref.entity.id, ref.entity)
        for entity_id in excluded:
            candidates.pop(entity_id, None)
        if not candidates:
            best = next((i for i, _ in self.salience.most_common() if i not in excluded), None)
            return self.registry[best] if best is not None and best in self.registry else None
        order = list(candidates)
        return candidates[max(order, key=lambda i: (self.salience[i], -order.index(i)))]

    def _same_clause(self, start: int, end: int) -> bool:
        """Whether nothing between `start` and `end` opens a clause or links its two ends as
        one ("said", "que", a copula)."""
        cues = self.cues
        return (cues.subject_clause_openers.last(self.folded, start, end) is None
                and cues.copulas.last(self.folded, start, end) is None
                and cues.clause_breaks.search(self.folded, start, end) is None)

    def _opens_paragraph(self, span: Span, before: list[_Sentence]) -> bool:
        previous_end = before[-1].span.end if before else 0
        return bool(before) and "\n" in self.text[previous_end:span.start]

    @staticmethod
    def _last_two_companies(refs: list[_Ref]) -> list[Entity]:
        """"Les deux groupes", "both companies": the last two companies named."""
        found: list[Entity] = []
        for ref in reversed(refs):
            if ref.entity.kind == "company" and ref.entity not in found:
                found.append(ref.entity)
            if len(found) == 2:
                return list(reversed(found))
        return []

    def _clause_start(self, span: Span, offset: int) -> bool:
        """Whether a pronoun at `offset` opens a clause (and so can be a subject)."""
        head = self.text[span.start:offset].rstrip()
        return not head or head.endswith((",", ";", ":", "—", "–", "-")) or len(head) <= 12

    def _stance(self, index: int, media: tuple[Entity, ...]) -> tuple[Stance, str | None]:
        """Rumoured, conditional, attributed (to the outlet named), or asserted."""
        for stance in (Stance.RUMOURED, Stance.CONDITIONAL, Stance.ATTRIBUTED):
            if index in self.stances[stance]:
                attributed_to = media[0].id if media and stance is Stance.ATTRIBUTED else None
                return stance, attributed_to
        return Stance.ASSERTED, None

    # -- claims ------------------------------------------------------------------------

    def claims(self) -> tuple[list[Claim], list[Claim]]:
        claims: list[Claim] = []
        unclassified: list[Claim] = []
        per_sentence: dict[int, list[Claim]] = {}
        framed = 0
        for mention in self.mentions:
            index = self._index(mention.start)
            sentence = self.sentences[index]
            for earlier in range(framed, index):  # transactions named before this sentence
                self._note_frame(earlier)
            framed = max(framed, index)
            made = self._mention_claims(mention, sentence, index, per_sentence.get(index, []))
            for claim, comparable in made:
                (claims if comparable else unclassified).append(claim)
                if comparable:
                    per_sentence.setdefault(index, []).append(claim)
        categorical: dict[tuple[str, str, str | None, object], Claim] = {}
        for index, sentence in enumerate(self.sentences):
            if sentence.furniture:
                continue
            for claim in [*self._exclusivity(sentence, index),
                          *self._roles_and_founders(sentence, index)]:
                categorical.setdefault((claim.subject, claim.predicate, claim.object,
                                        claim.value), claim)
        claims.extend(categorical.values())
        return claims, unclassified

    def _predicate_cues(self, index: int) -> list[PhraseMatch]:
        """The predicate cues of sentence `index`, found once."""
        if index not in self.cue_cache:
            span = self.sentences[index].span
            self.cue_cache[index] = list(self.cues.predicates.finditer(self.folded, span.start,
                                                                       span.end))
        return self.cue_cache[index]

    def _note_frame(self, index: int) -> None:
        """Remember the last transaction sentence `index` names with both its parties."""
        sentence = self.sentences[index]
        for cue in self._predicate_cues(index):
            for name in sorted(cue.labels):
                spec = self.predicates[name]
                if spec.family != "deal":
                    continue
                subject, obj = self._roles(spec, sentence, index, cue.start, cue.end)
                if subject is not None and obj is not None:
                    self.frame = _Frame(subject, obj, cue.labels)

    def _mention_claims(self, mention: Mention, sentence: _Sentence, index: int,
                        earlier: list[Claim]) -> list[tuple[Claim, bool]]:
        if mention.value is None:
            note = ("a relative date with no publication date to resolve it"
                    if mention.kind is Kind.DATE else
                    "a figure too long to read (out of range): check it by hand")
            return [(self._claim(mention, sentence, UNCLASSIFIED, "", None, None, note=note),
                     False)]
        if sentence.furniture:
            return [(self._claim(mention, sentence, UNCLASSIFIED, "", None, None,
                                 note="in page furniture"), False)]
        linked = self._linked(mention, sentence, earlier)
        if linked is not None:
            return [(linked, True)]
        is_date = mention.kind is Kind.DATE
        if is_date and self._starts_running_time(mention):
            return [(self._claim(mention, sentence, UNCLASSIFIED, "", None, None,
                                 note="a date a period runs from (\"depuis\"), not an event"),
                     False)]
        choices = self._predicates_for(mention, sentence)
        if not choices:
            return [(self._claim(mention, sentence, UNCLASSIFIED, "", None, None,
                                 note="no predicate cue near the figure"), False)]
        out = []
        for spec, cue in choices:
            anchor_start = cue.start if cue else mention.start
            anchor_end = max(cue.end if cue else mention.end, mention.end)
            subject, obj = self._roles(
                spec, sentence, index, anchor_start, anchor_end, in_sentence=is_date,
                demonstrative=cue is not None and self._demonstrative(cue))
            if subject is None:
                out.append((self._claim(mention, sentence, spec.name, "", None, None,
                                        note="no subject named near the figure"), False))
                continue
            if spec.object == "required" and obj is None:
                out.append((self._claim(mention, sentence, spec.name, subject.id, None, None,
                                        note="the other party is not named"), False))
                continue
            out.append((self._claim(mention, sentence, spec.name, subject.id,
                                    obj.id if obj is not None else None, spec), True))
        return out

    def _starts_running_time(self, mention: Mention) -> bool:
        """Whether "depuis", "since" stands right before the date ("depuis le 1er mars")."""
        return self._right_before(self.cues.since, mention.start, 18, fillers=True) is not None

    def _linked(self, mention: Mention, sentence: _Sentence, earlier: list[Claim]
                ) -> Claim | None:
        """A figure right after "soit", "contre", "compared with" or "dont" (and the rest of
        a list of parts) takes the predicate and parties of the claim before it."""
        if not earlier or mention.kind is Kind.DATE:
            return None
        previous = earlier[-1]
        if previous.provenance.value_end is None or \
                mention.start - previous.provenance.value_end > 120:
            return None
        link = self._link(mention, sentence)
        if link is None and previous.scope is Scope.PART and self._fillers_only(
                previous.provenance.value_end, mention.start, list_separators=True):
            link = "part"
        if link is None:
            return None
        spec = self.predicates.get(previous.predicate)
        name = previous.predicate
        kind = _kind_for_cues(mention)
        if spec is not None and kind not in spec.kinds:
            # "62 % de son chiffre d'affaires, soit 1,9 milliard": the revenue from the
            # customer the share names; a share of no one's (a budget in percent of revenue)
            # says nothing the amount can be named by
            if spec.share_of and previous.object is not None and \
                    kind in self.predicates[spec.share_of].kinds:
                name, spec = spec.share_of, self.predicates[spec.share_of]
            else:
                return None
        claim = self._claim(mention, sentence, name, previous.subject, previous.object, spec)
        if link == "restate":
            claim = attrs.evolve(claim, about=previous.about)
        elif link == "part":
            claim = attrs.evolve(claim, about=previous.about, scope=Scope.PART)
        return claim

    def _link(self, mention: Mention, sentence: _Sentence) -> str | None:
        """"restate", "compare" or "part" when such a word stands right before the figure."""
        window_start = max(sentence.span.start, mention.start - 24)
        for kind, matcher in (("restate", self.cues.restate), ("compare", self.cues.compare),
                              ("part", self.cues.scope)):
            found = matcher.last(self.folded, window_start, mention.start)
            if found is None or (kind == "part" and "part" not in found.labels):
                continue
            if self._fillers_only(found.end, mention.start):
                return kind
        return None

    def _fillers_only(self, start: int, end: int, *, list_separators: bool = False) -> bool:
        """Whether text[start:end] holds only articles and punctuation (and, for a list,
        "et"/"and")."""
        words = self.folded[start:end].replace(",", " ").replace("(", " ").split()
        allowed = self.cues.fillers | (self.cues.list_separators if list_separators
                                       else frozenset())
        return all(word in allowed for word in words)

    def _predicates_for(self, mention: Mention, sentence: _Sentence
                        ) -> list[tuple[Predicate, PhraseMatch | None]]:
        kind = _kind_for_cues(mention)
        if kind == "count":
            return self._count_predicate(mention, sentence)
        cues = [c for c in self._predicate_cues(self._index(mention.start))
                if not (c.start < mention.end and mention.start < c.end)]
        ranked: list[tuple[float, Predicate, PhraseMatch]] = []
        for cue in cues:
            labels = cue.labels
            if self.frame is not None and self._demonstrative(cue) and self._deal(labels):
                # "Cet investissement" after "un accord avec CoreWeave": the same deal
                labels = self.frame.predicates
            for name in labels:
                spec = self.predicates[name]
                if kind in spec.kinds:
                    ranked.append((_distance(cue, mention), spec, cue))
        if kind == "percent":  # "19 % des sièges" is no stake: a stake is in a company
            ranked = [item for item in ranked if item[1].name != "stake"
                      or self._stake_like(mention, sentence)]
        if not ranked:
            return []
        ranked.sort(key=lambda item: (item[0], item[1].name))
        if kind == "date" and self._fronted(mention, sentence):
            chosen: dict[str, tuple[Predicate, PhraseMatch]] = {}
            for _, spec, cue in ranked:
                chosen.setdefault(spec.name, (spec, cue))
            return list(chosen.values())
        if kind == "date":  # a cue dates one event: the date nearest it
            ranked = [item for item in ranked if self._nearest_date(item[2]) is mention]
            if not ranked:
                return []
        distance, spec, cue = ranked[0]
        return [(spec, cue)] if distance <= CUE_REACH else []

    def _nearest_date(self, cue: PhraseMatch) -> Mention | None:
        dates = self.dates[self._index(cue.start)]
        return min(dates, key=lambda d: _distance(cue, d), default=None)

    def _stake_like(self, mention: Mention, sentence: _Sentence) -> bool:
        """A percentage held in a company: "6 % d'Initech", "a 7% stake", "du capital"."""
        start, end = self._window(mention, sentence)
        if self.cues.stake_nouns.search(self.folded, start, end) is not None:
            return True
        return any(r.start >= mention.end and r.start - mention.end <= 8
                   for r in sentence.refs if r.entity.kind in ("company", "project"))

    def _count_predicate(self, mention: Mention, sentence: _Sentence
                         ) -> list[tuple[Predicate, PhraseMatch | None]]:
        assert isinstance(mention.value, Quantity)
        after = self.cues.informants.search(self.folded, mention.end,
                                            min(sentence.span.end, mention.end + 25))
        if after is not None:  # "deux personnes proches du dossier": the sources, not staff
            return []
        noun = fold(mention.value.unit or "")
        labels = self.cues.counted.labels(noun) if noun else frozenset()
        near = [c for c in self._predicate_cues(self._index(mention.start))
                if "job_cuts" in c.labels and _distance(c, mention) <= CUE_REACH]
        if near and ("job_cuts" in labels or "headcount" in labels):
            return [(self.predicates["job_cuts"], near[0])]
        for name in ("headcount", "users", "job_cuts"):
            if name in labels:
                return [(self.predicates[name], None)]
        return [(self.predicates["count"], None)]

    def _fronted(self, mention: Mention, sentence: _Sentence) -> bool:
        """A date heading its sentence before a comma ("En janvier, ...") scopes over all of
        it; "Fondée en 2016, ..." dates the founding only."""
        head = self.text[sentence.span.start:mention.start]
        return len(head) <= self.cues.fronted_date_max and len(head.split()) <= 1 and \
            self.text[mention.end:mention.end + 2].lstrip().startswith(",")

    def _deal(self, labels: Iterable[str]) -> bool:
        return any(self.predicates[name].family == "deal" for name in labels)

    def _demonstrative(self, cue: PhraseMatch) -> bool:
        return self._right_before(self.cues.demonstratives, cue.start, 10) is not None

    def _roles(self, spec: Predicate, sentence: _Sentence, index: int, anchor_start: int,
               anchor_end: int, *, demonstrative: bool = False, in_sentence: bool = False
               ) -> tuple[Entity | None, Entity | None]:
        """Subject and object of a predicate whose cue or figure spans anchor_start..end.

        The subject is the entity before the cue that no preposition introduces ("Microsoft
        a investi"), or the sentence's topic when a possessive points to it ("son chiffre
        d'affaires"); the object is the nearest other entity, after the cue first. With
        `in_sentence` (dates), both must be named in the sentence itself.
        """
        if demonstrative and self.frame is not None and spec.family == "deal":
            return self.frame.subject, self.frame.object
        low, high = self._clause(sentence, anchor_start, anchor_end)
        clause = [r for r in sentence.refs if low <= r.start and r.end <= high]
        subject = None
        if any(_fits(r.entity, spec.subject_kinds) for r in clause):
            subject = self._subject(spec, sentence, anchor_start, anchor_end, in_sentence,
                                    clause)
        if subject is None:
            subject = self._subject(spec, sentence, anchor_start, anchor_end, in_sentence,
                                    list(sentence.refs))
        if subject is None or spec.object == "none":
            return subject, None
        obj = _project_of(subject, [r for r in sentence.refs if r.start >= anchor_start],
                          self.registry, spec)
        if obj is None:
            obj = self._nearest_object(spec, clause, subject, anchor_start, anchor_end)
        if obj is None and spec.object == "required" and not in_sentence:
            for previous in reversed(self.sentences[max(0, index - LOOK_BACK):index]):
                earlier = [r for r in previous.refs if _fits(r.entity, spec.object_kinds)
                           and r.entity.id != subject.id]
                if earlier:
                    obj = earlier[-1].entity
                    break
        if obj is None:
            obj = self._nearest_object(spec, sentence.refs, subject, anchor_start, anchor_end)
        return subject, obj

    def _coparty(self, ref: _Ref) -> bool:
        """An entity on the subject's side ("aux côtés de X", "alongside X", "with the rest
        coming from X"): never the object."""
        return self.cues.coparties.search(self.folded, max(0, ref.start - 35),
                                          ref.start) is not None

    def _nearest_object(self, spec: Predicate, refs: Sequence[_Ref], subject: Entity,
                        anchor_start: int, anchor_end: int) -> Entity | None:
        """The nearest entity that can be the object: after the cue first."""
        candidates = [r for r in refs if _fits(r.entity, spec.object_kinds)
                      and r.entity.id != subject.id and not self._coparty(r)]
        after = [r for r in candidates if r.start >= anchor_end]
        before = [r for r in candidates if r.end <= anchor_start]
        inside = [r for r in candidates if r not in after and r not in before]
        ordered = after[:1] or inside[:1] or before[-1:]
        return ordered[0].entity if ordered else None

    def _clause(self, sentence: _Sentence, start: int, end: int) -> tuple[int, int]:
        """The clause of the sentence around start..end: between breaks such as ";", a
        dash, or ", tandis que" / ", while"."""
        low, high = sentence.span.start, sentence.span.end
        for found in self.cues.clause_breaks.finditer(self.folded, low, high):
            if found.end() <= start:
                low = found.end()
            elif found.start() >= end:
                high = found.start()
                break
        return low, high

    def _subject(self, spec: Predicate, sentence: _Sentence, anchor_start: int,
                 anchor_end: int, in_sentence: bool, scope: Sequence[_Ref]) -> Entity | None:
        refs = [r for r in scope if _fits(r.entity, spec.subject_kinds)]
        if self._possessive_before(anchor_start):
            heads = [r for r in refs if not self._complement(r)] or refs
            if heads:
                return heads[0].entity
            return None if in_sentence else self._from_context(sentence, spec)
        relative = self._relative_antecedent(sentence, refs, anchor_start)
        if relative is not None:
            return relative
        if spec.subject_after:
            after = [r for r in refs if r.start >= anchor_end]
            before = [r for r in refs if r.end <= anchor_start]
            # "Founded in 2017 by Jane Doe, now its chair, Acme ...": the first entity after
            # a cue that opens the sentence, however far
            near = [r for r in after if r.start - anchor_end <= 50]
            chosen = near[:1] or before[-1:] or after[:1]
            return chosen[0].entity if chosen else None
        heads = [r for r in refs if not self._complement(r)]
        before = [r for r in heads if r.end <= anchor_start]
        if before:
            return before[-1].entity
        if heads:
            # nothing named before the figure, and the first name after it in another part
            # of the sentence ("850 millions de dette bancaire ; X apporte le reste"): the
            # topic; but "investors valued X at €86.8m" is about X
            first = heads[0]
            apart = first.start >= anchor_end and any(
                mark in self.text[anchor_end:first.start] for mark in ",;:")
            topic = self._from_context(sentence, spec) if apart and not in_sentence else None
            return topic if topic is not None else first.entity
        if refs:
            # only complements ("a injecté 60 millions dans Maréole"): the one who acts is
            # the sentence's topic when it is another entity; a complement is the object,
            # or an agent ("la dette de X" is X's, "debt from lenders led by X" is not)
            if spec.object == "none":
                refs = [r for r in refs if not self._coparty(r) and
                        self._right_before(self.cues.agents, r.start, 16) is None]
            topic = None if in_sentence else self._from_context(sentence, spec)
            if topic is not None and (spec.object == "none" and not refs or
                                      spec.object != "none" and
                                      all(r.entity.id != topic.id for r in refs)):
                return topic
            return refs[0].entity if refs else None
        return None if in_sentence else self._from_context(sentence, spec)

    def _relative_antecedent(self, sentence: _Sentence, refs: Sequence[_Ref],
                             anchor_start: int) -> Entity | None:
        """"Nvidia, qui détient 6 %": the entity right before "qui" is the subject."""
        found = self.cues.relatives.last(self.folded, sentence.span.start, anchor_start)
        if found is None or anchor_start - found.end > 40:
            return None
        before = [r for r in refs if r.end <= found.start]
        if before and not self.text[before[-1].end:found.start].strip(" ,"):
            return before[-1].entity
        return None

    @staticmethod
    def _from_context(sentence: _Sentence, spec: Predicate) -> Entity | None:
        """The most recent topic before the sentence that can be the predicate's subject."""
        return next((e for e in sentence.context if _fits(e, spec.subject_kinds)), None)

    def _claim(self, mention: Mention, sentence: _Sentence, predicate: str, subject: str,
               obj: str | None, spec: Predicate | None, *, note: str | None = None) -> Claim:
        value = mention.value if mention.value is not None else Categorical("unresolved")
        if mention.kind is Kind.COUNT and isinstance(value, Quantity) and value.unit:
            value = attrs.evolve(value, unit=self._counted_noun(value.unit, spec))
        about, scope, since_total = None, None, False
        if mention.kind is not Kind.DATE:
            about, since_total = self._time_of(mention, sentence)
        modality = Modality.ACTUAL
        if mention.kind is not Kind.DATE and self._planned(mention, sentence):
            modality = Modality.PLANNED
        measure = self._measure(mention, sentence)
        if spec is not None and spec.nature == "period" and about is None and not since_total \
                and mention.kind is not Kind.DATE:
            about = self._period_before(mention)
        if spec is not None:
            scope = self._scope(mention, sentence, spec, about, since_total)
            if spec.nature == "flow" and scope is Scope.TOTAL:
                about = None
        return Claim(
            id=self._claim_id(mention.start, predicate), subject=subject, predicate=predicate,
            object=obj, value=value, about=about, scope=scope, modality=modality,
            measure=measure, origin="automatic", note=note,
            provenance=self._provenance(sentence, mention.start, mention.end))

    def _counted_noun(self, written: str, spec: Predicate | None) -> str:
        return counted_noun(written, spec, self.cues)

    def _claim_id(self, offset: int, predicate: str) -> str:
        where = "title:" if self.location == "title" else ""
        return f"{self.source.id}:{where}{offset}:{predicate}"

    def _provenance(self, sentence: _Sentence, value_start: int, value_end: int) -> Provenance:
        # a figure can run over a sentence break ("$\n0"): the quote always holds it
        start, end = min(sentence.span.start, value_start), max(sentence.span.end, value_end)
        if end - start > QUOTE_MAX:
            start = max(start, value_start - QUOTE_MAX // 2)
            end = min(end, max(value_end + QUOTE_MAX // 3, start + QUOTE_MAX))
            while start > sentence.span.start and not self.text[start - 1].isspace():
                start -= 1
            while end < sentence.span.end and not self.text[end].isspace():
                end += 1
        return Provenance(source=self.source.id, start=start, end=end,
                          quote=self.text[start:end], stance=sentence.stance,
                          attributed_to=sentence.attributed_to, location=self.location,
                          value_start=value_start, value_end=value_end)

    # -- qualifiers --------------------------------------------------------------------

    def _time_of(self, mention: Mention, sentence: _Sentence
                 ) -> tuple[PartialDate | DateRange | None, bool]:
        """The date the sentence gives for the figure, and whether it starts a running total
        ("depuis 2019"): the nearest date, a fronted one ("En 2019, ..."), or one shortly
        after the figure ("un milliard en 2019"), never one in a later clause."""
        best, best_distance = None, None
        for other in self.dates[self._index(mention.start)]:
            if other is mention or self._dates_an_origin(other):
                continue
            if other.end <= mention.start:
                distance = mention.start - other.end
                if distance > DATE_BEFORE and not self._fronted(other, sentence):
                    continue
            else:
                distance = other.start - mention.end
                if distance > DATE_AFTER:
                    continue
            if best_distance is None or distance < best_distance:
                best, best_distance = other, distance
        if best is None:
            return None, False
        if self._starts_running_time(best):
            return None, True
        return best.value, False  # type: ignore[return-value]

    def _period_before(self, mention: Mention) -> PartialDate | None:
        """The year (or quarter, half) a paragraph named just before an undated figure of a
        period: "a publié ses résultats 2024. Son chiffre d'affaires a atteint ..." is 2024's
        revenue. Never across a paragraph, nor from a founding date."""
        index = self._index(mention.start)
        for earlier in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
            if "\n" in self.text[self.spans[earlier].end:self.spans[earlier + 1].start]:
                return None
            for date in reversed(self.dates[earlier]):
                value = date.value
                if isinstance(value, PartialDate) and not self._dates_an_origin(date) and \
                        value.granularity in (Granularity.YEAR, Granularity.QUARTER,
                                              Granularity.HALF):
                    return value
        return None

    def _dates_an_origin(self, date: Mention) -> bool:
        """"fondée en 2016", "launched in 2021": the date of a founding or a launch, not the
        time other figures of the sentence are about."""
        cue = self.cues.predicates.last(self.folded, max(0, date.start - 16), date.start)
        return cue is not None and bool(cue.labels & ORIGINS) and \
            len(self.folded[cue.end:date.start].split()) <= 1

    def _window(self, mention: Mention, sentence: _Sentence) -> tuple[int, int]:
        return (max(sentence.span.start, mention.start - QUALIFIER_BEFORE),
                min(sentence.span.end, mention.end + QUALIFIER_AFTER))

    def _scope(self, mention: Mention, sentence: _Sentence, spec: Predicate,
               about: object, since_total: bool) -> Scope | None:
        start, end = self._window(mention, sentence)
        part = self.cues.scope.last(self.folded, max(start, mention.start - 10), mention.start)
        if part is not None and "part" in part.labels:
            return Scope.PART
        if spec.nature != "flow":
            return None
        if since_total:
            return Scope.TOTAL
        # the scope word nearest the figure: "a further €40m, bringing the total to €230m"
        nearest = min(((_distance(match, mention), label)
                       for match in self.cues.scope.finditer(self.folded, start, end)
                       for label in match.labels if label in ("total", "tranche")),
                      default=None)
        if nearest is not None:
            return Scope(nearest[1])
        return Scope.TRANCHE if about is not None else Scope(spec.undated)

    def _planned(self, mention: Mention, sentence: _Sentence) -> bool:
        """A plan, target or demand word before the figure ("vise", "plans to raise")."""
        start = max(sentence.span.start, mention.start - 80)
        return self.cues.planned.search(self.folded, start, mention.start) is not None

    def _added(self, mention: Mention) -> bool:
        """Whether a count is of what was added: "sept nouvelles lignes", "10 000 salariés
        supplémentaires" (a word of its own or the next one)."""
        inside = self.folded[mention.start:mention.end].split()[1:]
        words = [w.strip(",.;:") for w in
                 inside + self.folded[mention.end:mention.end + 24].split()[:2]]
        return any(w in self.cues.additions or " ".join(words[i:i + 2]) in self.cues.additions
                   for i, w in enumerate(words[:len(inside) + 1]))  # "2 000 salariés de plus"

    def _measure(self, mention: Mention, sentence: _Sentence) -> str | None:
        found = self._right_before(self.cues.measure, mention.start, 25)
        if found is not None and "change" in found.labels:
            return "change"
        if mention.kind is Kind.COUNT and self._added(mention):
            return "change"
        if mention.start > 0 and self.text[mention.start - 1] in "+-−" or \
                mention.text.startswith(("+", "-", "−")):
            return "change"
        start, end = self._window(mention, sentence)
        nearest = min(((_distance(match, mention), label)
                       for match in self.cues.measure.finditer(self.folded, start, end)
                       for label in match.labels - {"change"}
                       if not (label == "per_unit" and match.start < mention.end)),
                      default=None)  # "€1.4bn including the new money, or €1.05bn pre-money"
        return nearest[1] if nearest is not None else None

    # -- categorical claims --------------------------------------------------------------

    def _sentence_date(self, index: int) -> Mention | None:
        dates = self.dates[index]
        return dates[0] if dates else None

    def _exclusivity(self, sentence: _Sentence, index: int) -> Iterable[Claim]:
        start = sentence.span.start
        if self.categorical is None:
            self.categorical = [(rule, self._bucket(rule.pattern))
                                for rule in self.cues.categorical]
        for rule, hits in self.categorical:
            for match in hits.get(index, ()):
                before = max(start, match.start() - 60)
                negated = (self.cues.negations.search(self.folded, before, match.end())
                           is not None)
                provider, client = self._exclusivity_parties(sentence, index, match.start(),
                                                             match.end(), rule.reversed_roles)
                if provider is None or client is None:
                    continue
                changed = self.cues.change.search(
                    self.folded, before, min(sentence.span.end, match.end() + 40)) is not None
                dated = self._sentence_date(index) if changed else None
                date = dated.value if dated is not None else None
                published = self.source.published
                about = date if date is not None else published
                claim = Claim(
                    id=self._claim_id(match.start(), rule.predicate), subject=provider.id,
                    predicate=rule.predicate, object=client.id, value=Categorical(not negated),
                    about=about, since=date is not None, origin="automatic",
                    provenance=self._provenance(sentence, match.start(), match.end()))
                yield claim
                if negated and dated is not None:
                    yield attrs.evolve(
                        claim, id=self._claim_id(dated.start, "exclusivity_ended"),
                        predicate="exclusivity_ended", value=date, about=None, since=False,
                        provenance=self._provenance(sentence, dated.start, dated.end))

    def _since_date(self, index: int, after: int) -> Mention | None:
        """A date after `after` in the sentence that a state holds from ("depuis le 1er
        septembre", "since March")."""
        for mention in self.dates[index]:
            if mention.start >= after and self._starts_running_time(mention):
                return mention
        return None

    def _possessive_before(self, offset: int) -> bool:
        """"son chiffre d'affaires", "its CEO": a possessive right before `offset`."""
        return self._right_before(self.cues.possessives, offset, 12) is not None

    def _most_salient_company(self, exclude: str) -> Entity | None:
        for entity_id, _ in self.salience.most_common():
            if entity_id != exclude and entity_id in self.registry:
                return self.registry[entity_id]
        return None

    def _organisation_of_role(self, sentence: _Sentence, orgs: Sequence[_Ref], start: int,
                              end: int) -> Entity | None:
        """The company a role title belongs to: "PDG de X", "CEO of X" (after it), "X chief
        executive", "X's CEO" (right before it), "sa présidente", "its CEO" (the topic)."""
        after = [r for r in orgs if r.start >= end and r.start - end <= 25
                 and self._complement(r)]
        if after:
            return after[0].entity
        if self._possessive_before(start):
            heads = [r.entity for r in orgs if not self._complement(r)]
            if heads:
                return heads[0]
            return next((e for e in sentence.context if e.kind == "company"), None)
        before = [r for r in orgs if r.end <= start and start - r.end <= 4]
        return before[-1].entity if before else None

    def _exclusivity_parties(self, sentence: _Sentence, index: int, start: int, end: int,
                             reversed_roles: bool) -> tuple[Entity | None, Entity | None]:
        companies = [r for r in (_company_of(r, self.registry) for r in sentence.refs)
                     if r is not None]
        before = [r for r in companies if r.end <= start]
        after = [r for r in companies if r.start >= end]
        if reversed_roles:  # "OpenAI ... utiliser exclusivement Azure": client first
            client = before[-1].entity if before else None
            provider = after[0].entity if after else None
        elif before and self._possessive_before(start):
            # "son fournisseur exclusif": the possessor is the client. "Microsoft, son
            # partenaire exclusif" (an apposition) names the provider; "Brennwerk en a fait
            # son fournisseur exclusif" names the client, the provider is the text's subject
            named = before[-1]
            copula = self.cues.copulas.last(self.folded, sentence.span.start, start)
            subjects = [r for r in before if copula is not None and r.end <= copula.start
                        and not self._complement(r)]
            if subjects:  # "Microsoft est ..., et son fournisseur exclusif"
                provider = subjects[-1].entity
                client = next((r.entity for r in companies if r.entity.id != provider.id),
                              None)
            elif not self.text[named.end:start].strip(" ,").split()[1:]:  # apposition
                provider = named.entity
                client = next((r.entity for r in companies if r.entity.id != provider.id
                               and not self._complement(r)), None)
            else:
                client = named.entity
                provider = self._most_salient_company(exclude=client.id)
            if client is None and provider is not None:
                client = next((e for e in sentence.context if e.kind == "company"
                               and e.id != provider.id), None)
        elif before and self.cues.possession.search(self.folded, before[-1].end, start):
            # "Rhodanair n'a plus de fournisseur exclusif, ... Norvik": the holder is the client
            client = before[-1].entity
            others = [r.entity for r in after if r.entity.id != client.id]
            provider = others[0] if others else self._most_salient_company(exclude=client.id)
        else:
            if before and self.folded.startswith("'s", before[-1].end):
                # "Globex is Initech's exclusive provider": the possessive is the client
                after, before = [before[-1], *after], before[:-1]
            provider = before[-1].entity if before else None
            others = [r for r in after if provider is None or r.entity.id != provider.id]
            if not others:
                others = [r for r in reversed(before)
                          if provider is None or r.entity.id != provider.id]
            client = others[0].entity if others else None
        if provider is None and sentence.topic is not None and sentence.topic.kind == "company":
            provider = sentence.topic
        if client is None and provider is not None:
            for previous in reversed(self.sentences[max(0, index - LOOK_BACK):index]):
                earlier = [r for r in previous.refs if r.entity.kind == "company"
                           and r.entity.id != provider.id]
                if earlier:
                    client = earlier[-1].entity
                    break
        if provider is not None and client is not None and provider.id == client.id:
            return None, None
        return provider, client

    def _roles_and_founders(self, sentence: _Sentence, index: int) -> Iterable[Claim]:
        start, end = sentence.span.start, sentence.span.end
        named = [r for r in sentence.refs if not r.pronoun]
        everyone = [r for r in named if r.entity.kind == "person"]
        people = [r for r in everyone if not self._complement(r)]
        orgs = [r for r in named if r.entity.kind in ("company", "organisation")]
        if not everyone:
            return
        # "chief executive Jane Doe said", no company named: the company the text is about
        topic = None if orgs else next((e for e in sentence.context if e.kind == "company"),
                                       None)
        for match in self.cues.ceo.finditer(self.folded, start, end):
            if self.cues.former.search(self.folded, max(start, match.start() - 12), match.start()):
                continue
            person = _nearest(people, match.start(), match.end(), reach=60)
            org = self._organisation_of_role(sentence, orgs, match.start(), match.end()) \
                if orgs else topic
            if person is None or org is None:
                continue
            since = self._since_date(index, match.end())
            yield Claim(id=self._claim_id(match.start(), "ceo"), subject=org.id,
                        predicate="ceo", value=Categorical(person.entity.id),
                        about=since.value if since else self.source.published,
                        since=since is not None, origin="automatic",
                        provenance=self._provenance(sentence, min(person.start, match.start()),
                                                    max(person.end, match.end())))
        for match in self.cues.founder.finditer(self.folded, start, end):
            org = _nearest(orgs, match.start(), match.end(), reach=50, prefer_after=True)
            if org is None:
                continue
            negated = self.cues.negations.search(self.folded, max(start, match.start() - 20),
                                                 match.start()) is not None
            low, high = self._clause(sentence, match.start(), match.end())
            for person in everyone:
                if abs(person.start - match.start()) > FOUNDER_REACH or not (
                        low <= person.start and person.end <= high):
                    continue
                yield Claim(id=self._claim_id(person.start, f"founder:{match.start()}"),
                            subject=org.entity.id, predicate="founder",
                            object=person.entity.id, value=Categorical(not negated),
                            origin="automatic",
                            provenance=self._provenance(sentence, min(person.start, match.start()),
                                                        max(person.end, match.end())))


def counted_noun(written: str, spec: Predicate | None, cues: Cues) -> str:
    """The canonical noun a count is about: the predicate's ("employees" for headcount),
    else the noun's canonical form ("centres de données", "data centers": "data centres")."""
    if spec is not None and spec.unit:
        return spec.unit
    folded = " ".join(fold(written).split())
    return cues.nouns.get(folded, folded)


def canonical_count(claim: Claim, language: str) -> Claim:
    """A claim whose count names its noun canonically, as automatic claims do."""
    value = claim.value
    if not isinstance(value, Quantity) or unit_kind(value.unit) != "noun":
        return claim
    assert value.unit is not None
    spec = load_predicates().get(claim.predicate)
    unit = counted_noun(value.unit, spec, load_cues(language))
    return claim if unit == value.unit else attrs.evolve(claim,
                                                          value=attrs.evolve(value, unit=unit))


def _kind_for_cues(mention: Mention) -> str:
    """The mention kind cue lists are keyed on; a scaled figure with no unit reads as money
    ("80 milliards": the currency is left out, not the thing counted)."""
    if mention.kind is Kind.COUNT and isinstance(mention.value, Quantity) \
            and mention.value.unit is None:
        return "money"
    return mention.kind.value


def _distance(cue: PhraseMatch, mention: Mention) -> float:
    """Characters between a cue and a figure; a cue after the figure counts for more
    ("a vendu pour 488 millions d'actions": a sale, not a stake)."""
    if cue.end <= mention.start:
        return mention.start - cue.end
    return (cue.start - mention.end) * AFTER_WEIGHT


def _fits(entity: Entity, kinds: Sequence[str]) -> bool:
    return not kinds or entity.kind in kinds


def _company_of(ref: _Ref, registry: EntityRegistry) -> _Ref | None:
    """The ref as a company: itself, or the company that owns the product it names
    ("utiliser exclusivement Azure": Microsoft)."""
    if ref.entity.kind == "company":
        return ref
    if ref.entity.kind == "product" and ref.entity.owner in registry:
        return attrs.evolve(ref, entity=registry[ref.entity.owner])
    return None


def _project_of(subject: Entity, refs: Sequence[_Ref], registry: EntityRegistry,
                spec: Predicate) -> Entity | None:
    """A project the clause names, or names by two of its other parties ("avec Oracle et
    SoftBank" for Stargate, when the subject is a party too)."""
    if "project" not in spec.object_kinds:
        return None
    named = {r.entity.id for r in refs}
    for ref in refs:
        if ref.entity.kind == "project":
            return ref.entity
    for entity in registry.projects:
        if subject.id in entity.parties:
            others = named & (set(entity.parties) - {subject.id})
            if len(others) >= 2:
                return entity
    return None


def _nearest(refs: Sequence[_Ref], start: int, end: int, *, reach: int,
             prefer_after: bool = False) -> _Ref | None:
    after = [r for r in refs if r.start >= end and r.start - end <= reach]
    before = [r for r in refs if r.end <= start and start - r.end <= reach]
    if prefer_after and after:
        return after[0]
    options = [(r.start - end, r) for r in after[:1]] + [(start - r.end, r) for r in before[-1:]]
    return min(options, key=lambda item: item[0])[1] if options else None
