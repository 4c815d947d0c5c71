"""Lessons: guided walks through one event or story, step by step (URL: ?lesson=ID&step=N), for a projector or a phone."""
import streamlit as st

from analysis.present.lesson import ACTIVITIES, LessonInvalid, check_against, load_lessons, parse_lesson, save_lesson
from ui import classroom, data, owner, state, widgets
from ui.safe import md

view = data.view()
settings = data.settings()
lessons, broken = load_lessons(settings.lessons)
selections = view.selection_options()
articles = {s: set(view.articles_in(s)) for s in selections}
outlets = set(view.corpus.outlets)
usable = {k: v for k, v in lessons.items() if not check_against(v, selections, articles, outlets)}

if widgets.url_toggle(st.sidebar, "Projector: big type", "big", False,
                      help="Larger text for a projector or a board; the link keeps it."):
    st.html(classroom.BIG_TYPE)

st.title("Lessons")
lesson_id = state.get("lesson")
lesson = usable.get(lesson_id) if lesson_id else None
if lesson_id and lesson is None:
    st.warning(md(f"There is no usable lesson “{lesson_id}” on this server; pick one below."))

if lesson is None:
    st.caption("A lesson walks a class through one event or story in a few steps: a question for the class, an "
               "activity, then a reveal. Share a step by copying the address bar.")
    for lid, item in usable.items():
        with st.container(border=True):
            st.markdown(f"### {md(item.title)}")
            st.markdown(md(item.summary or selections[item.selection]))
            st.caption(md(f"{len(item.steps)} steps · {selections[item.selection]}"))
            st.button("Start this lesson", key=f"start_{lid}", on_click=state.set_now, args=("lesson", lid))
    for item in lessons.values():
        for problem in check_against(item, selections, articles, outlets):
            st.error(md(f"{item.source}, {problem}"))
    for exc in broken:
        st.error(md(f"{exc.name}: " + "; ".join(str(p) for p in exc.problems)))
    with st.expander("Write your own lesson"):
        st.markdown(md(f"A lesson is a small Markdown (.md) file in {settings.lessons} (FRAMING_LENS_LESSONS). "
                       "The first line is '# Title', then 'selection: EVENT-ID' (or 'story:STORY-ID'), optional "
                       "'outlets: a, b', 'summary:' and 'notes:'; each step starts with '## Step title' and has "
                       "'activity:', one or more 'question:', and optional 'reveal:', 'notes:', 'article:' (for spot "
                       "and guess), 'sentences:' (spot) and 'term:' (voices)."))
        st.markdown("Activities: " + "; ".join(f"**{k}**: {md(v)}" for k, v in ACTIVITIES.items()))
        upload = st.file_uploader("Check a lesson file", type=["md"], key="lesson_upload")
        if upload is not None:
            try:
                name = upload.name.rsplit(".", 1)[0].lower()
                checked = parse_lesson(upload.getvalue().decode("utf-8-sig"), name, upload.name)
                problems = check_against(checked, selections, articles, outlets)
            except UnicodeDecodeError:
                st.error("The file is not UTF-8 text.")
            except LessonInvalid as exc:
                for p in exc.problems:
                    st.error(md(f"{upload.name}, {p}"))
            else:
                for p in problems:
                    st.error(md(f"{upload.name}, {p}"))
                if not problems:
                    st.success(md(f"“{checked.title}” is a valid lesson with {len(checked.steps)} steps."))
                    if not st.session_state.get(owner.TEACHER):
                        st.caption(md(f"Sign in as the teacher to add it to the list, or put it in {settings.lessons}."))
                    elif st.button("Add it to this server's lessons", key="lesson_save"):
                        save_lesson(settings.lessons, name, upload.getvalue().decode("utf-8-sig"))
                        state.set_now("lesson", name)
                        st.rerun()
        owner.teacher_sign_in(settings)
    st.stop()

try:
    number = min(max(int(state.get("step") or 1), 1), len(lesson.steps))
except ValueError:
    number = 1
st.caption(md(f"{lesson.title} · {selections[lesson.selection]}"))
with st.sidebar:
    st.markdown(f"**{md(lesson.title)}**")
    st.radio("Step", list(range(1, len(lesson.steps) + 1)), index=number - 1, key=f"step_pick_{lesson.id}_{number}",
             format_func=lambda n: f"{n}. {lesson.steps[n - 1].title}",
             on_change=lambda: state.set_now("step", str(st.session_state[f"step_pick_{lesson.id}_{number}"])))
    st.button("All lessons", key="lessons_home", on_click=state.set_now, args=("lesson", None),
              icon=":material/list:")
    if lesson.notes:
        with st.expander("Notes for the teacher"):
            st.markdown(md(lesson.notes))

item = lesson.steps[number - 1]
classroom.step(view, lesson, number, item)
if item.notes:
    with st.expander("Notes for the teacher"):
        st.markdown(md(item.notes))
back, forward = st.columns(2)
back.button("Previous step", key="step_back", disabled=number == 1, on_click=state.set_now,
            args=("step", str(number - 1)), icon=":material/arrow_back:")
forward.button("Next step", key="step_next", disabled=number == len(lesson.steps), on_click=state.set_now,
               args=("step", str(number + 1)), icon=":material/arrow_forward:")
with st.expander("Printable worksheet and answer key"):
    classroom.worksheet_downloads(view, lesson)
