"""Cross-Entropy Lab: the table of contents. Each page is a script in pages/."""

import streamlit as st

from lab.ui import init_language, language_switch, t

st.set_page_config(page_title="Cross-Entropy Lab", page_icon=":material/functions:", layout="wide")
init_language()

pages = {
    t("nav.learn"): [
        st.Page(
            "pages/playground.py",
            title=t("nav.playground"),
            icon=":material/bar_chart:",
            url_path="playground",
            default=True,
        ),
        st.Page(
            "pages/derivation.py",
            title=t("nav.derivation"),
            icon=":material/function:",
            url_path="derivation",
        ),
        st.Page(
            "pages/stability.py",
            title=t("nav.stability"),
            icon=":material/warning:",
            url_path="stability",
        ),
    ],
}
page = st.navigation(pages)
language_switch()
st.sidebar.caption(t("sidebar.about"))
page.run()
