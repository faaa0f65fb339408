"""The six side-by-side routes on FastAPI, written as a FastAPI user would.

CPU-bound routes are ``async def`` (they run on the event loop); ``/sync-sleep`` is a plain ``def``,
which FastAPI runs on its thread pool. Works with pydantic 1 (Debian's python3-fastapi) and 2.

Run: ``uvicorn app:app --host 127.0.0.1 --port N --loop uvloop --http httptools --no-access-log``
"""
import asyncio
import time
from typing import Optional

import pydantic
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, confloat, constr

# "contains a non-whitespace character", anchored so that pydantic 1 (re.match) and 2 (search) agree
_NON_BLANK = r"^\s*\S"
if pydantic.VERSION.startswith("1."):
    NonBlank = constr(min_length=1, regex=_NON_BLANK)
else:
    NonBlank = constr(min_length=1, pattern=_NON_BLANK)


class NewItem(BaseModel):
    name: NonBlank
    price: confloat(gt=0)


app = FastAPI(title="fastapi-peer", docs_url=None, redoc_url=None, openapi_url=None)


@app.get("/plaintext", response_class=PlainTextResponse)
async def plaintext():
    return "Hello, World!"


@app.get("/json")
async def json():
    return {"message": "Hello, World!"}


@app.get("/items/{id}")
async def item(id: int, q: Optional[str] = None):
    return {"id": id, "q": q}


@app.post("/items", status_code=201)
async def create(item: NewItem):
    return {"id": 1, "name": item.name, "price": item.price}


@app.get("/sync-sleep")
def sync_sleep():
    time.sleep(0.1)
    return {"result": "sync"}


@app.get("/async-sleep")
async def async_sleep():
    await asyncio.sleep(0.1)
    return {"result": "async"}
