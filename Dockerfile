# Cross-Entropy Lab: one app process per container (run N of them behind deploy/nginx.conf).
#   docker build -t cross-entropy-lab .
#   docker run --rm -p 8501:8501 cross-entropy-lab
# The base image is pinned by its exact tag (Python 3.11, pyproject's requires-python; Debian 12).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The app runs as this user; the code stays owned by root, so the app cannot change it.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin lab

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY . .
# Plotly.js for the live widget, copied into static/ now: the app's user cannot write there.
RUN python -c "from lab.live.widget import serve_plotly_from; serve_plotly_from('/app')"

USER lab
EXPOSE 8501
# Streamlit's own health endpoint; the slim image has no curl, Python has urllib.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=0.0.0.0", "--server.port=8501", "--server.fileWatcherType=none", "--browser.gatherUsageStats=false"]
